using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Workforce.Data;
using Linli.Platform.Seeding;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Facilities;

/// <summary>Two more synthetic cities in fresh databases: seed 7 at a smaller scale than the shared city's, and seed 8.</summary>
public sealed class TwoMoreCities : IAsyncLifetime
{
    public LinliFactory SameSeed { get; } = new();
    public LinliFactory OtherSeed { get; } = new();

    public async Task InitializeAsync()
    {
        await SeedAsync(SameSeed, CityFixture.Seed);
        await SeedAsync(OtherSeed, CityFixture.Seed + 1);
    }

    private static async Task SeedAsync(LinliFactory app, int seed)
    {
        _ = app.Server;
        await app.WithScopeAsync(sp => sp.GetRequiredService<CitySeedRunner>().RunAsync(new CitySeedOptions(CityFixture.Scale / 4, seed)));
    }

    public async Task DisposeAsync()
    {
        await SameSeed.DisposeAsync();
        await OtherSeed.DisposeAsync();
    }
}

/// <summary>
/// Facilities, social organizations and workers are structure, not population: the same seed gives the same rows at any
/// scale, and another seed gives other rows. Compared by a checksum of every seeded value, read back from each database.
/// </summary>
[Collection("city")]
public sealed class SyntheticCityDeterminismTests(CityFixture city, TwoMoreCities more) : IClassFixture<TwoMoreCities>
{
    private static string Checksum(IEnumerable<FormattableString> rows) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows.Select(r => r.ToString(CultureInfo.InvariantCulture))))));

    private static Task<string> FacilitiesAsync(LinliFactory app) => app.WithScopeAsync(async sp =>
        // Seeded rows only: other tests of the collection register facilities in the shared city.
        Checksum((await sp.GetRequiredService<FacilitiesDbContext>().Facilities.Where(f => f.IsSynthetic).OrderBy(f => f.Id).ToListAsync())
            .Select(f => (FormattableString)$"{f.CommunityCode}|{f.Name}|{f.Type}|{f.FloorArea:R}|{f.Longitude:R}|{f.Latitude:R}|{f.OpeningHoursPerDay:R}|{f.ServiceArea:R}|{f.OpenedOn:O}|{f.ClosedOn:O}|{f.CityLevelSince:O}")));

    private static Task<string> OrganizationsAsync(LinliFactory app) => app.WithScopeAsync(async sp =>
        Checksum((await sp.GetRequiredService<OrganizationsDbContext>().SocialOrganizations.OrderBy(o => o.Id).ToListAsync())
            .Select(o => (FormattableString)$"{o.CommunityCode}|{o.Name}|{o.Kind}|{o.RegisteredOn:O}|{o.DissolvedOn:O}")));

    private static Task<string> WorkersAsync(LinliFactory app) => app.WithScopeAsync(async sp =>
        Checksum((await sp.GetRequiredService<WorkforceDbContext>().Workers.OrderBy(w => w.Id).ToListAsync())
            .Select(w => (FormattableString)$"{w.CommunityCode}|{w.Name}|{w.Gender}|{w.BirthDate:O}|{w.Role}|{w.HiredOn:O}|{w.LeftOn:O}|{w.CertifiedOn:O}|{w.EducationLevel}")));

    [Fact]
    public async Task The_same_seed_gives_the_same_facilities_and_another_seed_other_ones()
    {
        var original = await FacilitiesAsync(city.App);
        Assert.Equal(original, await FacilitiesAsync(more.SameSeed));
        Assert.NotEqual(original, await FacilitiesAsync(more.OtherSeed));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_social_organizations_and_another_seed_other_ones()
    {
        var original = await OrganizationsAsync(city.App);
        Assert.Equal(original, await OrganizationsAsync(more.SameSeed));
        Assert.NotEqual(original, await OrganizationsAsync(more.OtherSeed));
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_workers_and_another_seed_other_ones()
    {
        var original = await WorkersAsync(city.App);
        Assert.Equal(original, await WorkersAsync(more.SameSeed));
        Assert.NotEqual(original, await WorkersAsync(more.OtherSeed));
    }

    [Fact]
    public async Task Another_seed_meets_the_same_plan_numbers()
    {
        var app = more.OtherSeed;
        var communities = await app.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community));
        var kindOf = communities.ToDictionary(c => c.Code, c => c.Kind);
        var households = FacilitySeedTests.FullScaleHouseholds(communities, CityFixture.Seed + 1);
        var before2021 = new DateOnly(2021, 1, 1);
        var area2020 = await app.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities
            .Where(f => f.Type == FacilityType.PartyMassServiceCentre && f.OpenedOn < before2021 && (f.ClosedOn == null || f.ClosedOn >= before2021))
            .SumAsync(f => f.FloorArea));
        Assert.InRange(area2020 / households.Values.Sum() * 100, 36.93 * 0.99, 36.93 * 1.01);

        // The plan's numbers are the baseline's: what was active at the end of 2020.
        var baseline = new DateOnly(2020, 12, 31);
        var organizations = await app.WithScopeAsync(sp => sp.GetRequiredService<OrganizationsDbContext>().SocialOrganizations
            .Where(o => o.RegisteredOn <= baseline && (o.DissolvedOn == null || o.DissolvedOn > baseline)).Select(o => o.CommunityCode).ToListAsync());
        Assert.InRange(organizations.Count(c => kindOf[c] == RegionKind.UrbanCommunity) / 1153.0, 9.6 * 0.98, 9.6 * 1.02);
        Assert.InRange(organizations.Count(c => kindOf[c] == RegionKind.Village) / 1539.0, 0.58 * 0.98, 0.58 * 1.02);

        // Residents' committee members are community workers too (WorkerRole).
        var workers = await app.WithScopeAsync(sp => sp.GetRequiredService<WorkforceDbContext>().Workers
            .Where(w => w.HiredOn <= baseline && (w.LeftOn == null || w.LeftOn > baseline))
            .GroupBy(w => w.Role == WorkerRole.VillageCommitteeMember)
            .Select(g => new { Village = g.Key, Count = g.Count(), Certified = g.Count(w => w.CertifiedOn <= baseline) })
            .ToDictionaryAsync(g => g.Village));
        Assert.InRange(workers[false].Count, 9758 * 0.98, 9758 * 1.02);
        Assert.InRange(workers[false].Certified / (double)workers[false].Count, 0.291 * 0.98, 0.291 * 1.02);
        Assert.InRange(workers[true].Count, 9378 * 0.98, 9378 * 1.02);
    }
}
