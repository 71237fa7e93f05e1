using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace Linli.Platform.Persistence;

/// <summary>
/// Date arithmetic the two databases spell differently, as one database function mapped per provider, so that every
/// query that needs it is written once. A module's context registers them in OnModelCreating.
/// </summary>
internal static class DatabaseFunctions
{
    /// <summary>Seconds since 1970-01-01 UTC, with fractions: date_part('epoch', t) on PostgreSQL, unixepoch(t, 'subsec') on SQLite.</summary>
    public static double EpochSeconds(DateTime value) => throw new InvalidOperationException("Only in queries.");

    public static void Register(ModelBuilder modelBuilder, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database)
    {
        var postgres = database.IsNpgsql();
        modelBuilder.HasDbFunction(typeof(DatabaseFunctions).GetMethod(nameof(EpochSeconds))!).HasTranslation(args => postgres
            ? new SqlFunctionExpression("date_part", [new SqlFragmentExpression("'epoch'"), args[0]], nullable: true, argumentsPropagateNullability: [false, true],
                typeof(double), null)
            : new SqlFunctionExpression("unixepoch", [args[0], new SqlFragmentExpression("'subsec'")], nullable: true, argumentsPropagateNullability: [true, false],
                typeof(double), null));
    }
}
