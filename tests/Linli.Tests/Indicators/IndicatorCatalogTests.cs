using System.Reflection;
using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Indicators.Domain;

namespace Linli.Tests.Indicators;

/// <summary>The plan's indicators are a file: it loads, names only measures the modules know, and a mistake names where it is.</summary>
public sealed class IndicatorCatalogTests
{
    private static IndicatorCatalog Shipped() =>
        IndicatorCatalog.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "data", IndicatorCatalog.File)));

    [Fact]
    public void The_shipped_file_holds_the_fourteen_indicators_of_the_first_table_and_the_plans_other_targets()
    {
        var catalog = Shipped();
        Assert.Equal((2020, 2025), (catalog.BaselineYear, catalog.TargetYear));
        var table = catalog.Indicators.Where(i => i.Group == "专栏1").Select(i => i.Number).ToHashSet();
        Assert.All(Enumerable.Range(1, 14), n => Assert.Contains(n.ToString(), table));
        Assert.True(catalog.Indicators.Count >= 30, $"{catalog.Indicators.Count} indicators");
        Assert.All(catalog.Indicators.Where(i => i.Kind != IndicatorKind.Monitoring), i => Assert.NotNull(i.Target));

        var volunteers = Assert.Single(catalog.Indicators, i => i.Milestones.ContainsKey(2023));
        Assert.Equal((1_600_000.0, 1_650_000.0), (volunteers.Milestones[2023], volunteers.Target!.Value));
    }

    [Fact]
    public void Every_measure_the_file_names_is_a_code_of_the_measures_contract()
    {
        var known = typeof(MeasureCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        Assert.Equal([], Shipped().MeasureCodes.Where(c => !known.Contains(c)).Order().ToArray());
        Assert.Equal([], Shipped().MeasureNames.Keys.Where(c => !known.Contains(c)).Order().ToArray());
    }

    [Theory]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"indicators":[{"code":"a","number":"1","group":"g","name":"n","unit":"%","kind":"expected","target":1}]}""", "indicator a: exactly one of ratio, share or total")]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"indicators":[{"code":"a","number":"1","group":"g","name":"n","unit":"%","kind":"expected","total":{"measures":["m"]}}]}""", "indicator a: a target is required")]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"indicators":[{"code":"a","number":"1","group":"g","name":"n","unit":"%","kind":"sometimes","target":1,"total":{"measures":["m"]}}]}""", "indicator a: kind must be")]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"indicators":[{"code":"a","number":"1","group":"g","name":"n","unit":"%","kind":"expected","target":1,"milestones":{"2030":1},"total":{"measures":["m"]}}]}""", "indicator a: milestone year 2030")]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"indicators":[{"code":"a","number":"1","group":"g","name":"n","unit":"%","kind":"expected","target":1,"share":{"level":"province","kinds":["Village"],"condition":{"measure":"m","op":">=","value":1}}}]}""", "indicator a: level must be")]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"indicators":[{"number":"1","group":"g","name":"n","unit":"%","kind":"expected","target":1,"total":{"measures":["m"]}}]}""", "code is required")]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"indicators":[]}""", "holds no indicator")]
    [InlineData("""{"baselineYear":2020,"targetYear":2025,"measures":{"n":{"name":"数","unit":"个"}},"indicators":[{"code":"a","number":"1","group":"g","name":"n","unit":"%","kind":"expected","target":1,"total":{"measures":["m"]}}]}""", "indicator a: measure m is not named")]
    public void A_mistake_in_the_file_names_the_indicator_and_the_field(string json, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => IndicatorCatalog.Parse(json)).Message);
}
