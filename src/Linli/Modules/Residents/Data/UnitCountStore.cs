using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Data;

/// <summary>Keeps <see cref="UnitCount"/> right: set-based recomputation after bulk writes, an upsert per single create.</summary>
internal static class UnitCountStore
{
    /// <summary>Recounts every unit under <paramref name="communityPrefix"/> ("" = the whole pool) from the rows themselves.</summary>
    public static async Task RecomputeAsync(ResidentsDbContext db, string communityPrefix, CancellationToken cancellationToken)
    {
        if (!communityPrefix.All(char.IsAsciiDigit)) throw new ArgumentException("A region-code prefix has digits only.", nameof(communityPrefix));
        var counts = db.QualifiedTable<UnitCount>();
        var households = db.QualifiedTable<Household>();
        var residents = db.QualifiedTable<Resident>();
        var unit = db.ColumnOf<UnitCount>(nameof(UnitCount.UnitCode));
        var hh = db.ColumnOf<UnitCount>(nameof(UnitCount.Households));
        var rr = db.ColumnOf<UnitCount>(nameof(UnitCount.Residents));
        var hKey = $"COALESCE({db.ColumnOf<Household>(nameof(Household.GridCode))}, {db.ColumnOf<Household>(nameof(Household.CommunityCode))})";
        var rKey = $"COALESCE({db.ColumnOf<Resident>(nameof(Resident.GridCode))}, {db.ColumnOf<Resident>(nameof(Resident.CommunityCode))})";
        var hCommunity = db.ColumnOf<Household>(nameof(Household.CommunityCode));
        var rCommunity = db.ColumnOf<Resident>(nameof(Resident.CommunityCode));
        var pattern = communityPrefix + "%";

        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
#pragma warning disable EF1002 // identifiers come from the EF model; the only value is a parameter
        await db.Database.ExecuteSqlRawAsync($"DELETE FROM {counts} WHERE {unit} LIKE {{0}}", [pattern], cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            $$"""
             INSERT INTO {{counts}} ({{unit}}, {{hh}}, {{rr}})
             SELECT k, CAST(SUM(h) AS BIGINT), CAST(SUM(r) AS BIGINT) FROM (
               SELECT {{hKey}} AS k, COUNT(*) AS h, 0 AS r FROM {{households}} WHERE {{hCommunity}} LIKE {0} GROUP BY {{hKey}}
               UNION ALL
               SELECT {{rKey}} AS k, 0 AS h, COUNT(*) AS r FROM {{residents}} WHERE {{rCommunity}} LIKE {0} GROUP BY {{rKey}}
             ) x GROUP BY k
             """, [pattern], cancellationToken);
#pragma warning restore EF1002
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
            await owned.DisposeAsync();
        }
    }

    /// <summary>Adds to one unit's counts (atomic upsert), for a single create.</summary>
    public static async Task AddAsync(ResidentsDbContext db, string unitCode, int households, int residents, CancellationToken cancellationToken)
    {
        var counts = db.QualifiedTable<UnitCount>();
        var unit = db.ColumnOf<UnitCount>(nameof(UnitCount.UnitCode));
        var hh = db.ColumnOf<UnitCount>(nameof(UnitCount.Households));
        var rr = db.ColumnOf<UnitCount>(nameof(UnitCount.Residents));
#pragma warning disable EF1002, EF1003 // identifiers come from the EF model; values are parameters
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {counts} AS u ({unit}, {hh}, {rr}) VALUES ({{0}}, {{1}}, {{2}}) " +
            $"ON CONFLICT ({unit}) DO UPDATE SET {hh} = u.{hh} + excluded.{hh}, {rr} = u.{rr} + excluded.{rr}",
            [unitCode, (long)households, (long)residents], cancellationToken);
#pragma warning restore EF1002, EF1003
    }
}

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

/// <summary>The module's counts on region pages: households and residents under a unit, from <see cref="UnitCount"/>.</summary>
internal abstract class UnitCounter(ResidentsDbContext db) : IRegionCounter
{
    public abstract string Name { get; }
    protected abstract bool CountHouseholds { get; }

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default)
    {
        var units = db.UnitCounts.AsNoTracking().Where(u => u.UnitCode.StartsWith(codePrefix) && u.UnitCode.Length >= groupLength);
        var grouped = CountHouseholds
            ? units.GroupBy(u => u.UnitCode.Substring(0, groupLength)).Select(g => new { g.Key, Count = g.Sum(u => u.Households) })
            : units.GroupBy(u => u.UnitCode.Substring(0, groupLength)).Select(g => new { g.Key, Count = g.Sum(u => u.Residents) });
        return await grouped.ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}

internal sealed class HouseholdCounter(ResidentsDbContext db) : UnitCounter(db)
{
    public override string Name => "households";
    protected override bool CountHouseholds => true;
}

internal sealed class ResidentCounter(ResidentsDbContext db) : UnitCounter(db)
{
    public override string Name => "residents";
    protected override bool CountHouseholds => false;
}
