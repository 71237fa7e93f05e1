using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Persistence;
using Linli.Platform.Protection;
using Linli.Platform.Seeding;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Seeding;

/// <summary>
/// The residents part of the synthetic city (after the regions): for every community as many households as
/// <see cref="CityProfile.FullScaleHouseholds"/> gives it, times the scale (rounded stochastically, so totals are right in
/// expectation), spread over its grids, with their people and population tags. Rows stream to the bulk writer in
/// batches (binary COPY on PostgreSQL, prepared inserts on SQLite) with explicit ids; the counts are recomputed at the end.
/// At scale 1 that is about 3.4 million households and 9.07 million residents.
/// </summary>
internal sealed class ResidentsCitySeeder(ResidentsDbContext db, IRegionDirectory regions, IDistrictGeometry geometry, IPersonalDataProtector protector)
    : ICitySeeder
{
    private const int FlushEveryResidents = 20_000;

    public int Order => 20;
    public string Name => "residents (households, residents, population tags)";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.Households.IgnoreQueryFilters().AnyAsync(h => h.IsSynthetic, cancellationToken);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var communities = await regions.ListAsync(RegionLevel.Community, "", cancellationToken);
        var grids = (await regions.ListAsync(RegionLevel.Grid, "", cancellationToken)).ToLookup(g => g.ParentCode ?? g.Code[..12]);
        var districts = (await regions.ListAsync(RegionLevel.District, "", cancellationToken)).ToDictionary(d => d.Code, d => d.Name);
        // The same parameters as the regions seeder, so every community gets the households its grids were made for.
        var urbanCount = communities.Count(c => c.Kind == RegionKind.UrbanCommunity);
        var villageCount = communities.Count(c => c.Kind == RegionKind.Village);
        // Homes stay nearest to their own community's centre: how far each may stray depends on its nearest neighbour.
        var spacing = CommunitySpacing.Of(communities.Where(c => c.Longitude is not null && c.Latitude is not null)
            .Select(c => (c.Code, c.Longitude!.Value, c.Latitude!.Value)).ToList());

        var population = new SyntheticPopulation(geometry, protector,
            await IdAllocator.NextAsync<Household>(db, cancellationToken),
            await IdAllocator.NextAsync<Resident>(db, cancellationToken),
            await IdAllocator.NextAsync<PopulationTag>(db, cancellationToken));
        // A fresh city loads into empty tables: build their indexes once at the end instead of row by row.
        await using var householdIndexes = await BulkWriter.SuspendIndexesAsync<Household>(db, cancellationToken);
        await using var residentIndexes = await BulkWriter.SuspendIndexesAsync<Resident>(db, cancellationToken);
        await using var tagIndexes = await BulkWriter.SuspendIndexesAsync<PopulationTag>(db, cancellationToken);

        // Two stages on two cores: this thread draws people and encrypts their numbers while the writer streams the
        // previous batch into the database.
        var batches = Channel.CreateBounded<SeedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(async () =>
        {
            try
            {
                await foreach (var full in batches.Reader.ReadAllAsync(cancellationToken)) await FlushAsync(full, cancellationToken);
            }
            catch (Exception e)
            {
                batches.Writer.TryComplete(e);
                throw;
            }
        }, cancellationToken);
        var batch = new SeedBatch();
        async Task HandOverAsync()
        {
            if (batch.Residents.Count == 0 && batch.Households.Count == 0) return;
            try
            {
                await batches.Writer.WriteAsync(batch, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                await writer; // surfaces the writer's own failure
                throw;
            }
            batch = new SeedBatch();
        }
        foreach (var district in communities.GroupBy(c => c.Code[..6]))
        {
            var (householdsBefore, residentsBefore) = (population.Households, population.Residents);
            foreach (var community in district)
            {
                var urban = community.Kind == RegionKind.UrbanCommunity;
                var full = CityProfile.FullScaleHouseholds(options.Seed, community.Code, urban, community.Kind == RegionKind.Village, urbanCount, villageCount);
                if (full == 0) continue;
                var random = SeedRandom.For(options.Seed, "residents", community.Code);
                var households = random.RoundStochastic(full * options.Scale);
                if (households == 0) continue;
                population.AddCommunity(random, community, grids[community.Code].ToList(), households, urban, spacing.ReachOf(community.Code), batch);
                if (batch.Residents.Count >= FlushEveryResidents) await HandOverAsync();
            }
            await HandOverAsync();
            progress.Report($"residents: {district.Key} {districts.GetValueOrDefault(district.Key)}: " +
                            $"{population.Households - householdsBefore:N0} households, {population.Residents - residentsBefore:N0} residents");
        }
        batches.Writer.Complete();
        await writer;
        progress.Report("residents: rebuilding indexes…");
        await tagIndexes.DisposeAsync();
        await residentIndexes.DisposeAsync();
        await householdIndexes.DisposeAsync();
        await BulkWriter.ResetIdentityAsync<Household>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<Resident>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<PopulationTag>(db, cancellationToken: cancellationToken);
        await UnitCountStore.RecomputeAsync(db, "", cancellationToken);
        progress.Report($"residents: {population.Households:N0} households, {population.Residents:N0} residents, {population.Tags:N0} population tags");
    }

    private async Task FlushAsync(SeedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Residents.Count == 0 && batch.Households.Count == 0) return;
        await BulkWriter.WriteAsync<Household>(db, ResidentColumns.Households, batch.Households, cancellationToken);
        await BulkWriter.WriteAsync<Resident>(db, ResidentColumns.Residents, batch.Residents, cancellationToken);
        await BulkWriter.WriteAsync<PopulationTag>(db, ResidentColumns.Tags, batch.Tags, cancellationToken);
    }
}
