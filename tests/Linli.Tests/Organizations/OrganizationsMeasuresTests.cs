using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Organizations.ContractImplementations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Organizations.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Organizations;

/// <summary>
/// Social organizations per community and social-work stations per street as of the end of a day, on records written here
/// under codes no region has, so nothing else is counted with them.
/// </summary>
public sealed class OrganizationsMeasuresTests(OrganizationsMeasuresApp app) : IClassFixture<OrganizationsMeasuresApp>
{
    private static int _next;

    private static string NewStreet() => $"99020{Interlocked.Increment(ref _next):D4}";

    private Task AddAsync(object record) => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganizationsDbContext>();
        db.Add(record);
        return await db.SaveChangesAsync();
    });

    private static SocialOrganization Organization(string community, DateOnly registered, DateOnly? dissolved = null) =>
        new() { Name = "样例测试协会（测）", Kind = SocialOrganizationKind.MutualAid, CommunityCode = community, RegisteredOn = registered, DissolvedOn = dissolved };

    private static SocialWorkStation Station(string street, DateOnly opened, DateOnly? closed = null) =>
        new() { Name = "样例测试社会工作服务站（测）", StreetCode = street, OpenedOn = opened, ClosedOn = closed };

    private Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf) =>
        app.WithScopeAsync(sp => sp.GetServices<IMeasureSource>().OfType<OrganizationsMeasures>().Single().MeasureAsync(code, asOf));

    private async Task<double> ValueAsync(string code, string unit, DateOnly asOf) =>
        (await MeasureAsync(code, asOf)).SingleOrDefault(v => v.RegionCode == unit)?.Value ?? 0;

    [Fact]
    public async Task An_organization_counts_from_the_day_it_registered_until_the_day_it_was_dissolved()
    {
        var community = NewStreet() + "001";
        await AddAsync(Organization(community, new DateOnly(2021, 5, 1)));
        await AddAsync(Organization(community, new DateOnly(2019, 1, 1), dissolved: new DateOnly(2023, 2, 1)));

        Assert.Equal(1, await ValueAsync(MeasureCodes.SocialOrganizations, community, new DateOnly(2020, 12, 31)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.SocialOrganizations, community, new DateOnly(2021, 4, 30)));
        Assert.Equal(2, await ValueAsync(MeasureCodes.SocialOrganizations, community, new DateOnly(2021, 5, 1)));
        Assert.Equal(2, await ValueAsync(MeasureCodes.SocialOrganizations, community, new DateOnly(2023, 1, 31)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.SocialOrganizations, community, new DateOnly(2023, 2, 1)));
    }

    [Fact]
    public async Task The_region_pages_count_of_organizations_leaves_out_a_dissolved_one()
    {
        var street = NewStreet();
        await AddAsync(Organization(street + "001", new DateOnly(2021, 5, 1)));
        await AddAsync(Organization(street + "001", new DateOnly(2019, 1, 1), dissolved: new DateOnly(2023, 2, 1)));
        await AddAsync(Organization(street + "002", new DateOnly(2020, 1, 1)));

        var counts = await app.WithScopeAsync(sp => sp.GetServices<Modules.Regions.Contracts.IRegionCounter>().OfType<SocialOrganizationCounter>().Single()
            .CountAsync(street, 12));
        Assert.Equal(1, counts[street + "001"]);
        Assert.Equal(1, counts[street + "002"]);
    }

    [Fact]
    public async Task Stations_are_counted_at_the_street_code_while_open()
    {
        var street = NewStreet();
        var other = NewStreet();
        await AddAsync(Station(street, new DateOnly(2022, 3, 1)));
        await AddAsync(Station(other, new DateOnly(2019, 6, 1), closed: new DateOnly(2022, 1, 10)));

        var end2022 = await MeasureAsync(MeasureCodes.SocialWorkStations, new DateOnly(2022, 12, 31));
        Assert.Equal(1, end2022.Single(v => v.RegionCode == street).Value);
        // Closed: no unit with a zero value is returned.
        Assert.DoesNotContain(end2022, v => v.RegionCode == other);
        Assert.All(end2022, v => Assert.Equal(9, v.RegionCode.Length));
        Assert.Equal(0, await ValueAsync(MeasureCodes.SocialWorkStations, street, new DateOnly(2021, 12, 31)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.SocialWorkStations, other, new DateOnly(2021, 12, 31)));
    }

    [Fact]
    public async Task An_unknown_measure_code_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => MeasureAsync("organizations.no_such_measure", new DateOnly(2023, 12, 31)));
}

/// <summary>The seeded stations: fewer streets had one in 2020 than in 2025, each at a 9-digit street or town code.</summary>
[Collection("city2")]
public sealed class SocialWorkStationSeedTests(CityFixture city)
{
    [Fact]
    public async Task Most_streets_have_a_station_by_2025_and_fewer_had_one_in_2020()
    {
        var (in2020, in2025, streets) = await city.App.WithScopeAsync(async sp =>
        {
            var source = sp.GetServices<IMeasureSource>().OfType<OrganizationsMeasures>().Single();
            var in2020 = await source.MeasureAsync(MeasureCodes.SocialWorkStations, new DateOnly(2020, 12, 31));
            var in2025 = await source.MeasureAsync(MeasureCodes.SocialWorkStations, new DateOnly(2025, 12, 31));
            var streets = (await sp.GetRequiredService<Linli.Modules.Regions.Contracts.IRegionDirectory>().ListAsync(Linli.Modules.Regions.Contracts.RegionLevel.Street))
                .Where(s => s.Kind is Linli.Modules.Regions.Contracts.RegionKind.Subdistrict or Linli.Modules.Regions.Contracts.RegionKind.Town or Linli.Modules.Regions.Contracts.RegionKind.Township)
                .Select(s => s.Code).ToHashSet();
            return (in2020, in2025, streets);
        });
        Assert.All(in2025, v => Assert.Contains(v.RegionCode, streets));
        Assert.InRange(in2020.Count / (double)streets.Count, 0.25, 0.45);
        Assert.InRange(in2025.Count / (double)streets.Count, 0.80, 0.98);
    }

    [Fact]
    public async Task Organizations_grow_toward_12_per_urban_community_by_2025()
    {
        var (in2020, in2025, urban) = await city.App.WithScopeAsync(async sp =>
        {
            var source = sp.GetServices<IMeasureSource>().OfType<OrganizationsMeasures>().Single();
            var urban = (await sp.GetRequiredService<Linli.Modules.Regions.Contracts.IRegionDirectory>().ListAsync(Linli.Modules.Regions.Contracts.RegionLevel.Community))
                .Where(c => c.Kind == Linli.Modules.Regions.Contracts.RegionKind.UrbanCommunity).Select(c => c.Code).ToHashSet();
            return (await source.MeasureAsync(MeasureCodes.SocialOrganizations, new DateOnly(2020, 12, 31)),
                await source.MeasureAsync(MeasureCodes.SocialOrganizations, new DateOnly(2025, 12, 31)), urban);
        });
        double Rate(IReadOnlyList<MeasureValue> values) => values.Where(v => urban.Contains(v.RegionCode)).Sum(v => v.Value) / urban.Count;
        Assert.InRange(Rate(in2020), 9.6 * 0.98, 9.6 * 1.02);
        Assert.InRange(Rate(in2025), 11, 12.5);
    }
}

/// <summary>A fresh application of the test class's own (xUnit wants a fixture with one public constructor).</summary>
public sealed class OrganizationsMeasuresApp : LinliFactory;
