using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Data;

/// <summary>Explicit ids for bulk writes, taken so that no concurrent insert can take them too.</summary>
internal static class IdAllocator
{
    /// <summary>
    /// <paramref name="count"/> fresh ids of <typeparamref name="T"/>. PostgreSQL draws them from the identity sequence;
    /// SQLite takes the next ones after the largest, which is safe inside the write transaction SQLite holds alone.
    /// </summary>
    public static async Task<long[]> ReserveAsync<T>(ResidentsDbContext db, int count, CancellationToken cancellationToken)
    {
        if (count == 0) return [];
        var table = db.QualifiedTable<T>();
        var id = db.ColumnOf<T>("Id");
#pragma warning disable EF1002 // identifiers come from the EF model
        if (db.Database.IsNpgsql())
        {
            var sequence = $"pg_get_serial_sequence('{table}', '{id.Trim('"')}')";
            return (await db.Database.SqlQueryRaw<long>($"SELECT nextval({sequence}) AS \"Value\" FROM generate_series(1, {{0}})", count)
                .ToListAsync(cancellationToken)).Order().ToArray();
        }
        var max = await db.Database.SqlQueryRaw<long>($"SELECT COALESCE(MAX({id}), 0) AS \"Value\" FROM {table}").SingleAsync(cancellationToken);
#pragma warning restore EF1002
        return Enumerable.Range(1, count).Select(i => max + i).ToArray();
    }

    /// <summary>The first id after the largest in use (the seeder numbers its rows from here, then moves the sequence on).</summary>
    public static async Task<long> NextAsync<T>(ResidentsDbContext db, CancellationToken cancellationToken)
    {
#pragma warning disable EF1002 // identifiers come from the EF model
        var max = await db.Database.SqlQueryRaw<long>($"SELECT COALESCE(MAX({db.ColumnOf<T>("Id")}), 0) AS \"Value\" FROM {db.QualifiedTable<T>()}").SingleAsync(cancellationToken);
#pragma warning restore EF1002
        return max + 1;
    }
}
