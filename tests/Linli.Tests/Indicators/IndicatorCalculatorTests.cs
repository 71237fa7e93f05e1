using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Indicators.Domain;
using Linli.Modules.Regions.Contracts;

namespace Linli.Tests.Indicators;

/// <summary>The indicator arithmetic without a database: sums up the tree, then divide; shares count units at their own level.</summary>
public sealed class IndicatorCalculatorTests
{
    // A city with one district, two streets (a subdistrict and a town) and three communities (two urban, one village).
    private static readonly RegionTree Tree = new([
        new RegionInfo("2101", "市", RegionLevel.City, RegionKind.City, null, null, null),
        new RegionInfo("210102", "区", RegionLevel.District, RegionKind.UrbanDistrict, "2101", null, null),
        new RegionInfo("210102001", "街道", RegionLevel.Street, RegionKind.Subdistrict, "210102", null, null),
        new RegionInfo("210102100", "镇", RegionLevel.Street, RegionKind.Town, "210102", null, null),
        new RegionInfo("210102001001", "大社区", RegionLevel.Community, RegionKind.UrbanCommunity, "210102001", null, null),
        new RegionInfo("210102001002", "小社区", RegionLevel.Community, RegionKind.UrbanCommunity, "210102001", null, null),
        new RegionInfo("210102100201", "村", RegionLevel.Community, RegionKind.Village, "210102100", null, null),
    ]);

    private static Indicator Make(Formula formula, UnitStandard? standard = null, double? target = 40, Direction direction = Direction.Up) =>
        new("x", "1", "专栏1", "测试", "Test", "%", 2, IndicatorKind.Expected, direction, 30, target, new Dictionary<int, double>(), formula, standard, null);

    private static Dictionary<string, IReadOnlyList<MeasureValue>> Measures(params (string Code, (string Region, double Value)[] Values)[] measures) =>
        measures.ToDictionary(m => m.Code, m => (IReadOnlyList<MeasureValue>)m.Values.Select(v => new MeasureValue(v.Region, v.Value)).ToList());

    [Fact]
    public void A_region_divides_the_sums_of_its_units_and_never_averages_their_ratios()
    {
        // 大社区: 100 m² for 1,000 households (10 per 100); 小社区: 100 m² for 100 households (100 per 100).
        var measures = Measures(
            ("area", [("210102001001", 100), ("210102001002", 100)]),
            ("households", [("210102001001", 1000), ("210102001002", 100)]));
        var figures = IndicatorCalculator.Evaluate(Make(new RatioFormula(["area"], ["households"], 100, null)), Tree, measures);

        Assert.Equal(10, figures.At("210102001001").Value);
        Assert.Equal(100, figures.At("210102001002").Value);
        var street = figures.At("210102001");
        Assert.Equal(200, street.Numerator);
        Assert.Equal(1100, street.Denominator);
        Assert.Equal(100 * 200 / 1100.0, street.Value!.Value, 9); // 18.18, not the mean 55
        Assert.Equal(street.Value, figures.At("2101").Value);
    }

    [Fact]
    public void A_ratio_limited_to_urban_communities_leaves_the_village_out_of_both_sums()
    {
        var measures = Measures(
            ("workers", [("210102001001", 10), ("210102100201", 50)]),
            ("urban", [("210102001001", 10_000), ("210102100201", 10_000)]));
        var figures = IndicatorCalculator.Evaluate(Make(new RatioFormula(["workers"], ["urban"], 10_000, [RegionKind.UrbanCommunity])), Tree, measures);

        Assert.Equal(10, figures.At("210102").Value);
        Assert.Equal(NoDataReason.NoUnits, figures.At("210102100").Reason);
    }

    [Fact]
    public void A_measure_no_module_publishes_gives_no_data_everywhere_and_is_named()
    {
        var measures = Measures(("households", [("210102001001", 1000)]));
        var figures = IndicatorCalculator.Evaluate(Make(new TotalFormula(["volunteering.volunteers"], null)), Tree, measures);

        Assert.Equal(["volunteering.volunteers"], figures.MissingMeasures);
        Assert.All(Tree.Units, u => Assert.Equal(NoDataReason.MissingMeasure, figures.At(u.Code).Reason));
        Assert.Null(figures.At("2101").Value);
    }

    [Fact]
    public void A_published_measure_with_no_records_is_zero_not_no_data()
    {
        var figures = IndicatorCalculator.Evaluate(Make(new TotalFormula(["libraries"], null)), Tree, Measures(("libraries", [])));
        Assert.Equal(0, figures.At("2101").Value);
        Assert.Null(figures.At("2101").Reason);
    }

    [Fact]
    public void A_share_counts_streets_at_their_own_level_and_has_no_value_for_a_community()
    {
        // A station recorded at the subdistrict; the town has none. Share of subdistricts with a station: 1 of 1.
        var measures = Measures(("stations", [("210102001", 1)]));
        var subdistricts = IndicatorCalculator.Evaluate(
            Make(new ShareFormula(RegionLevel.Street, [RegionKind.Subdistrict], null, new UnitCondition("stations", null, 1, Comparison.AtLeast, 1))), Tree, measures);
        var towns = IndicatorCalculator.Evaluate(
            Make(new ShareFormula(RegionLevel.Street, [RegionKind.Town, RegionKind.Township], null, new UnitCondition("stations", null, 1, Comparison.AtLeast, 1))), Tree, measures);

        Assert.Equal(100, subdistricts.At("2101").Value);
        Assert.Equal((1.0, 1.0), (subdistricts.At("210102").Numerator!.Value, subdistricts.At("210102").Denominator!.Value));
        Assert.Equal(0, towns.At("2101").Value);
        Assert.Equal(NoDataReason.BelowLevel, towns.At("210102100201").Reason);
        Assert.Equal("210102100", Assert.Single(towns.Shortfalls).RegionCode);
    }

    [Fact]
    public void A_share_with_a_where_clause_counts_only_the_units_that_meet_it()
    {
        // Villages over 500 households with at least 5 organizations; the only village has 400 households: nothing counted.
        var condition = new UnitCondition("orgs", null, 1, Comparison.AtLeast, 5);
        var where = new UnitCondition("households", null, 1, Comparison.MoreThan, 500);
        var small = Measures(("orgs", [("210102100201", 9)]), ("households", [("210102100201", 400)]));
        var large = Measures(("orgs", [("210102100201", 3)]), ("households", [("210102100201", 600)]));
        var indicator = Make(new ShareFormula(RegionLevel.Community, [RegionKind.Village], where, condition));

        Assert.Equal(NoDataReason.NoUnits, IndicatorCalculator.Evaluate(indicator, Tree, small).At("2101").Reason);
        var figures = IndicatorCalculator.Evaluate(indicator, Tree, large);
        Assert.Equal(0, figures.At("2101").Value);
        var shortfall = Assert.Single(figures.Shortfalls);
        Assert.Equal((3.0, 2.0), (shortfall.Quantity!.Value, shortfall.Gap));
    }

    [Fact]
    public void A_per_household_condition_skips_units_without_households_and_lists_the_others_by_gap()
    {
        // ≥ 40 m² per 100 households at urban communities: 大社区 10, 小社区 100.
        var measures = Measures(
            ("area", [("210102001001", 100), ("210102001002", 100)]),
            ("households", [("210102001001", 1000), ("210102001002", 100)]));
        var indicator = Make(new ShareFormula(RegionLevel.Community, [RegionKind.UrbanCommunity, RegionKind.Village], null,
            new UnitCondition("area", "households", 100, Comparison.AtLeast, 40)));
        var figures = IndicatorCalculator.Evaluate(indicator, Tree, measures);

        Assert.Equal(50, figures.At("2101").Value); // the village has no households: the standard does not apply to it
        var shortfall = Assert.Single(figures.Shortfalls);
        Assert.Equal(("210102001001", 30.0), (shortfall.RegionCode, shortfall.Gap));
    }

    [Fact]
    public void Units_below_a_ratio_standard_are_sorted_by_the_largest_gap_first()
    {
        var measures = Measures(
            ("area", [("210102001001", 100), ("210102001002", 30), ("210102100201", 10)]),
            ("households", [("210102001001", 100), ("210102001002", 100), ("210102100201", 100)]));
        var figures = IndicatorCalculator.Evaluate(
            Make(new RatioFormula(["area"], ["households"], 100, null), new UnitStandard(RegionLevel.Community, 40)), Tree, measures);

        Assert.Equal(["210102100201", "210102001002"], figures.Shortfalls.Select(s => s.RegionCode));
        Assert.Equal([30.0, 10.0], figures.Shortfalls.Select(s => s.Gap));
    }
}
