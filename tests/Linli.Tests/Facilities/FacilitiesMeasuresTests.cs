using Linli.Modules.Facilities.ContractImplementations;
using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Indicators.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Facilities;

/// <summary>
/// The facilities' measures on a city without a synthetic history: each test writes its own facilities under community
/// codes of its own (a street 21010299x that the tree does not have), so the values it reads are only its own.
/// </summary>
public sealed class FacilitiesMeasuresTests(FacilitiesMeasuresTests.EmptyCity city) : IClassFixture<FacilitiesMeasuresTests.EmptyCity>
{
    /// <summary>The application with the region tree and no synthetic city, shared by the tests of this class.</summary>
    public sealed class EmptyCity : IAsyncLifetime
    {
        public LinliFactory App { get; } = new();
        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private readonly LinliFactory _app = city.App;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private Task AddAsync(params Facility[] facilities) => _app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<FacilitiesDbContext>();
        db.Facilities.AddRange(facilities);
        return await db.SaveChangesAsync();
    });

    private static Facility F(FacilityType type, string community, DateOnly opened, DateOnly? closed = null, double area = 0,
        double? serviceArea = null, double hours = 8, DateOnly? cityLevel = null) =>
        new()
        {
            Name = $"测试{type}", Type = type, CommunityCode = community, FloorArea = area, ServiceArea = serviceArea,
            OpeningHoursPerDay = hours, OpenedOn = opened, ClosedOn = closed, CityLevelSince = cityLevel,
            Longitude = 123.4, Latitude = 41.8,
        };

    private Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf) =>
        _app.WithScopeAsync(sp => sp.GetServices<IMeasureSource>().OfType<FacilitiesMeasures>().Single().MeasureAsync(code, asOf));

    private async Task<double?> ValueAsync(string code, DateOnly asOf, string region) =>
        (await MeasureAsync(code, asOf)).SingleOrDefault(v => v.RegionCode == region)?.Value;

    [Fact]
    public async Task A_centre_opened_in_2023_counts_from_the_end_of_its_opening_day_not_in_2021()
    {
        const string community = "210102991001";
        await AddAsync(F(FacilityType.PartyMassServiceCentre, community, D(2023, 6, 15), area: 650));

        Assert.Null(await ValueAsync(MeasureCodes.Centres, D(2021, 12, 31), community));
        Assert.Null(await ValueAsync(MeasureCodes.CentreArea, D(2023, 6, 14), community));
        Assert.Equal(1, await ValueAsync(MeasureCodes.Centres, D(2023, 6, 15), community));
        Assert.Equal(650, await ValueAsync(MeasureCodes.CentreArea, D(2023, 12, 31), community));
    }

    [Fact]
    public async Task A_centre_closed_in_2022_counts_in_2021_and_not_from_its_closing_day()
    {
        const string community = "210102991002";
        await AddAsync(F(FacilityType.PartyMassServiceCentre, community, D(2015, 3, 1), D(2022, 5, 10), area: 500));

        Assert.Equal(1, await ValueAsync(MeasureCodes.Centres, D(2021, 12, 31), community));
        Assert.Equal(1, await ValueAsync(MeasureCodes.Centres, D(2022, 5, 9), community));
        Assert.Null(await ValueAsync(MeasureCodes.Centres, D(2022, 5, 10), community));
        Assert.Null(await ValueAsync(MeasureCodes.CentreArea, D(2023, 12, 31), community));
    }

    [Fact]
    public async Task An_enlarged_centre_has_its_old_area_before_the_day_and_its_new_area_after()
    {
        const string community = "210102991003";
        await AddAsync(
            F(FacilityType.PartyMassServiceCentre, community, D(2012, 1, 1), D(2024, 4, 1), area: 480, serviceArea: 300),
            F(FacilityType.PartyMassServiceCentre, community, D(2024, 4, 1), area: 720, serviceArea: 640));

        Assert.Equal(480, await ValueAsync(MeasureCodes.CentreArea, D(2023, 12, 31), community));
        Assert.Equal(720, await ValueAsync(MeasureCodes.CentreArea, D(2024, 12, 31), community));
        Assert.Equal(640, await ValueAsync(MeasureCodes.CentreServiceArea, D(2024, 12, 31), community));
        Assert.Equal(1, await ValueAsync(MeasureCodes.Centres, D(2024, 4, 1), community));
    }

    [Fact]
    public async Task Areas_are_summed_per_community_and_per_type()
    {
        const string one = "210102992001", other = "210102992002";
        var opened = D(2019, 1, 1);
        await AddAsync(
            F(FacilityType.PartyMassServiceCentre, one, opened, area: 400, serviceArea: 320),
            F(FacilityType.PartyMassServiceCentre, one, opened, area: 250.5, serviceArea: 200),
            F(FacilityType.PartyMassServiceCentre, other, opened, area: 900),
            F(FacilityType.ElderlyCareStation, one, opened, area: 120),
            F(FacilityType.HomeCareCentre, one, opened, area: 1000),
            F(FacilityType.HealthStation, one, opened, area: 5000),
            F(FacilityType.Shelter, one, opened, area: 20000),
            F(FacilityType.Shelter, other, opened, area: 8000),
            F(FacilityType.Shelter, other, opened, area: 2000));
        var asOf = D(2020, 12, 31);

        Assert.Equal(650.5, await ValueAsync(MeasureCodes.CentreArea, asOf, one));
        Assert.Equal(900, await ValueAsync(MeasureCodes.CentreArea, asOf, other));
        Assert.Equal(2, await ValueAsync(MeasureCodes.Centres, asOf, one));
        // A centre whose serving area is not known adds nothing to it.
        Assert.Equal(520, await ValueAsync(MeasureCodes.CentreServiceArea, asOf, one));
        Assert.Null(await ValueAsync(MeasureCodes.CentreServiceArea, asOf, other));
        // Both kinds of home elderly-care facility, and no other type.
        Assert.Equal(1120, await ValueAsync(MeasureCodes.ElderlyCareArea, asOf, one));
        Assert.Equal(20000, await ValueAsync(MeasureCodes.ShelterArea, asOf, one));
        Assert.Equal(10000, await ValueAsync(MeasureCodes.ShelterArea, asOf, other));
    }

    [Fact]
    public async Task Minors_protection_stations_count_at_their_street_code()
    {
        const string street = "210102993";
        await AddAsync(
            F(FacilityType.MinorsProtectionStation, street + "001", D(2020, 1, 1)),
            F(FacilityType.MinorsProtectionStation, street + "002", D(2022, 1, 1)),
            F(FacilityType.MinorsProtectionStation, street + "003", D(2025, 1, 1)));

        var values = (await MeasureAsync(MeasureCodes.MinorsProtectionStations, D(2022, 12, 31))).Where(v => v.RegionCode.StartsWith(street, StringComparison.Ordinal)).ToList();
        var value = Assert.Single(values);
        Assert.Equal(street, value.RegionCode);
        Assert.Equal(2, value.Value);
    }

    [Fact]
    public async Task Only_centres_open_at_least_eight_hours_a_day_count_as_open_eight_hours()
    {
        const string short_ = "210102994001", exact = "210102994002", long_ = "210102994003";
        var opened = D(2018, 1, 1);
        await AddAsync(
            F(FacilityType.PartyMassServiceCentre, short_, opened, area: 600, hours: 7.5),
            F(FacilityType.PartyMassServiceCentre, exact, opened, area: 600, hours: 8),
            F(FacilityType.PartyMassServiceCentre, long_, opened, area: 600, hours: 12),
            F(FacilityType.CultureCentre, short_, opened, hours: 10));
        var asOf = D(2020, 12, 31);

        Assert.Null(await ValueAsync(MeasureCodes.CentresOpenEightHours, asOf, short_));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CentresOpenEightHours, asOf, exact));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CentresOpenEightHours, asOf, long_));
        Assert.Equal(1, await ValueAsync(MeasureCodes.Centres, asOf, short_));
    }

    [Fact]
    public async Task Terminals_library_branches_and_classrooms_are_counted_by_their_own_type()
    {
        const string community = "210102995001";
        var opened = D(2021, 3, 1);
        await AddAsync(
            F(FacilityType.SelfServiceTerminal, community, opened), F(FacilityType.SelfServiceTerminal, community, opened),
            F(FacilityType.LibraryBranch, community, opened), F(FacilityType.Library, community, opened),
            F(FacilityType.HappinessClassroom, community, opened), F(FacilityType.HappinessClassroom, community, opened, D(2021, 6, 1)));
        var asOf = D(2021, 12, 31);

        Assert.Equal(2, await ValueAsync(MeasureCodes.SelfServiceTerminals, asOf, community));
        Assert.Equal(1, await ValueAsync(MeasureCodes.Libraries, asOf, community));
        Assert.Equal(1, await ValueAsync(MeasureCodes.HappinessClassrooms, asOf, community));
    }

    [Fact]
    public async Task A_city_level_centre_counts_from_its_designation_while_it_stands()
    {
        const string named = "210102996001", closed = "210102996002";
        await AddAsync(
            F(FacilityType.PartyMassServiceCentre, named, D(2016, 1, 1), area: 800, cityLevel: D(2023, 7, 1)),
            F(FacilityType.PartyMassServiceCentre, closed, D(2016, 1, 1), D(2024, 2, 1), area: 800, cityLevel: D(2022, 7, 1)));

        Assert.Null(await ValueAsync(MeasureCodes.CityLevelCentres, D(2022, 12, 31), named));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CityLevelCentres, D(2023, 12, 31), named));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CityLevelCentres, D(2023, 12, 31), closed));
        Assert.Null(await ValueAsync(MeasureCodes.CityLevelCentres, D(2024, 12, 31), closed));
    }

    [Fact]
    public async Task Every_published_measure_answers_with_non_zero_units_only()
    {
        await AddAsync(F(FacilityType.SelfServiceTerminal, "210102997001", D(2020, 1, 1)), F(FacilityType.Shelter, "210102997002", D(2020, 1, 1)));
        var source = _app.Service(sp => sp.GetServices<IMeasureSource>().OfType<FacilitiesMeasures>().Single());

        Assert.Equal(11, source.Measures.Count);
        foreach (var measure in source.Measures)
            Assert.All(await MeasureAsync(measure.Code, D(2026, 12, 31)), v => Assert.NotEqual(0, v.Value));
        // The shelter of no recorded area is a zero: left out.
        Assert.Null(await ValueAsync(MeasureCodes.ShelterArea, D(2026, 12, 31), "210102997002"));
        Assert.Equal(1, await ValueAsync(MeasureCodes.SelfServiceTerminals, D(2026, 12, 31), "210102997001"));
    }

    [Fact]
    public async Task An_unknown_measure_code_is_an_argument_error() =>
        await Assert.ThrowsAsync<ArgumentException>(() => MeasureAsync("facilities.castles", D(2025, 12, 31)));
}
