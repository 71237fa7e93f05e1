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
