using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Regions.Contracts;

namespace Linli.Modules.Indicators.Domain;

/// <summary>The units a year's figures are computed for: the city, its districts, streets and communities.</summary>
internal sealed class RegionTree
{
    /// <summary>Code lengths of city, district, street and community: a unit's ancestors are the prefixes of its code.</summary>
    public static readonly int[] LevelLengths = [4, 6, 9, 12];

    private readonly Dictionary<string, RegionInfo> _byCode;
    private readonly Dictionary<string, List<RegionInfo>> _children;

    public RegionTree(IEnumerable<RegionInfo> units)
    {
        Units = units.Where(u => u.Level <= RegionLevel.Community).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        _byCode = Units.ToDictionary(u => u.Code, StringComparer.Ordinal);
        _children = Units.Where(u => u.ParentCode is not null && _byCode.ContainsKey(u.ParentCode))
            .GroupBy(u => u.ParentCode!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public IReadOnlyList<RegionInfo> Units { get; }

    public RegionInfo? Find(string code) => _byCode.GetValueOrDefault(code);

    public IReadOnlyList<RegionInfo> ChildrenOf(string code) => _children.TryGetValue(code, out var list) ? list : [];

    public static int LengthOf(RegionLevel level) => level switch
    {
        RegionLevel.City => 4, RegionLevel.District => 6, RegionLevel.Street => 9, _ => 12,
    };

    /// <summary>The code and every ancestor's code (its prefixes of 4, 6, 9 digits).</summary>
    public static IEnumerable<string> SelfAndAncestors(string code)
    {
        foreach (var n in LevelLengths)
            if (n <= code.Length) yield return code[..n];
    }
}

/// <summary>Why a figure has no value.</summary>
internal enum NoDataReason
{
    /// <summary>A measure the indicator needs is published by no module yet.</summary>
    MissingMeasure = 1,
    /// <summary>The region holds no unit the indicator counts (nothing to divide by).</summary>
    NoUnits,
    /// <summary>The indicator counts units above this region's level (a street-level share has no value for a community).</summary>
    BelowLevel,
}

/// <summary>
/// One indicator at one region: the numerator and denominator (for a share, units meeting the condition and units counted;
/// for a total, the sum alone) and the value, or why there is none.
/// </summary>
internal sealed record Figure(double? Numerator, double? Denominator, double? Value, NoDataReason? Reason)
{
    public static Figure None(NoDataReason reason) => new(null, null, null, reason);
}

/// <summary>A unit below the standard an indicator holds it to, with how far it falls short.</summary>
internal sealed record Shortfall(string RegionCode, double? Quantity, double Standard, double Gap);

/// <summary>Every region's figure of one indicator in one year, the measure sums behind them and the units below standard.</summary>
internal sealed record IndicatorFigures(
    Indicator Indicator, IReadOnlyDictionary<string, Figure> ByRegion, IReadOnlyList<string> MissingMeasures,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> MeasureSums, IReadOnlyList<Shortfall> Shortfalls)
{
    public Figure At(string regionCode) => ByRegion.GetValueOrDefault(regionCode) ?? Figure.None(NoDataReason.NoUnits);

    /// <summary>The measure's sum under a region (0 when nothing was recorded there).</summary>
    public double SumOf(string measure, string regionCode) =>
        MeasureSums.TryGetValue(measure, out var sums) ? sums.GetValueOrDefault(regionCode) : 0;
}

/// <summary>
/// Computes an indicator for every region of the tree from the measures' values at their units. Numerators and denominators
/// are summed up the tree and divided at each region, so a district's value is never a mean of its communities' values;
/// a share counts units at its own level. Needs no database: the measures are fetched before (Features/Board).
/// </summary>
internal static class IndicatorCalculator
{
    /// <param name="measures">The values of each published measure; a code absent from the dictionary is published by no module.</param>
    public static IndicatorFigures Evaluate(Indicator indicator, RegionTree tree, IReadOnlyDictionary<string, IReadOnlyList<MeasureValue>> measures)
    {
        var missing = indicator.Formula.MeasureCodes.Distinct().Where(c => !measures.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var none = Figure.None(NoDataReason.MissingMeasure);
            return new IndicatorFigures(indicator, tree.Units.ToDictionary(u => u.Code, _ => none, StringComparer.Ordinal), missing,
                new Dictionary<string, IReadOnlyDictionary<string, double>>(), []);
        }
        return indicator.Formula switch
        {
            RatioFormula ratio => Ratio(indicator, ratio, tree, measures),
            ShareFormula share => Share(indicator, share, tree, measures),
            TotalFormula total => Total(indicator, total, tree, measures),
            _ => throw new InvalidOperationException($"Unknown formula {indicator.Formula.GetType().Name}."),
        };
    }

    /// <summary>Σ of a measure under every prefix of the codes it was recorded at, keeping only units of the given kinds.</summary>
    private static Dictionary<string, double> SumsByRegion(IReadOnlyList<MeasureValue> values, RegionTree tree, IReadOnlyList<RegionKind>? kinds)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            if (kinds is not null && (tree.Find(v.RegionCode) is not { } unit || !kinds.Contains(unit.Kind))) continue;
            foreach (var prefix in RegionTree.SelfAndAncestors(v.RegionCode))
                sums[prefix] = sums.GetValueOrDefault(prefix) + v.Value;
        }
        return sums;
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> Sums(IEnumerable<string> codes, RegionTree tree,
        IReadOnlyDictionary<string, IReadOnlyList<MeasureValue>> measures, IReadOnlyList<RegionKind>? kinds) =>
        codes.Distinct().ToDictionary(c => c, c => (IReadOnlyDictionary<string, double>)SumsByRegion(measures[c], tree, kinds), StringComparer.Ordinal);

    private static IndicatorFigures Ratio(Indicator indicator, RatioFormula ratio, RegionTree tree, IReadOnlyDictionary<string, IReadOnlyList<MeasureValue>> measures)
    {
        var sums = Sums(ratio.MeasureCodes, tree, measures, ratio.Kinds);
        double Sum(IEnumerable<string> codes, string region) => codes.Sum(c => sums[c].GetValueOrDefault(region));
        var figures = new Dictionary<string, Figure>(StringComparer.Ordinal);
        var shortfalls = new List<Shortfall>();
        foreach (var unit in tree.Units)
        {
            var numerator = Sum(ratio.Numerator, unit.Code);
            var denominator = Sum(ratio.Denominator, unit.Code);
            if (denominator <= 0)
            {
                figures[unit.Code] = Figure.None(NoDataReason.NoUnits);
                continue;
            }
            var value = ratio.Factor * numerator / denominator;
            figures[unit.Code] = new Figure(numerator, denominator, value, null);
            if (indicator.Standard is { } standard && unit.Level == standard.Level && (ratio.Kinds is null || ratio.Kinds.Contains(unit.Kind))
                && !Meets(indicator, value, standard.Value))
                shortfalls.Add(new Shortfall(unit.Code, value, standard.Value, Math.Abs(standard.Value - indicator.Round(value))));
        }
        return new IndicatorFigures(indicator, figures, [], sums, Sorted(shortfalls));
    }

    private static IndicatorFigures Share(Indicator indicator, ShareFormula share, RegionTree tree, IReadOnlyDictionary<string, IReadOnlyList<MeasureValue>> measures)
    {
        // A unit's quantities count everything recorded under it, whatever the unit kind of the record.
        var sums = Sums(share.MeasureCodes, tree, measures, kinds: null);
        var meeting = new Dictionary<string, double>(StringComparer.Ordinal);
        var counted = new Dictionary<string, double>(StringComparer.Ordinal);
        var shortfalls = new List<Shortfall>();
        foreach (var unit in tree.Units.Where(u => u.Level == share.Level && share.Kinds.Contains(u.Kind)))
        {
            double Sum(string code) => sums[code].GetValueOrDefault(unit.Code);
            if (share.Where is { } where && (where.Quantity(Sum) is not { } w || !where.Holds(w))) continue;
            var quantity = share.Condition.Quantity(Sum);
            if (quantity is null && share.Condition.Per is not null) continue; // nothing to divide by: the standard does not apply
            var holds = quantity is { } q && share.Condition.Holds(q);
            foreach (var prefix in RegionTree.SelfAndAncestors(unit.Code))
            {
                counted[prefix] = counted.GetValueOrDefault(prefix) + 1;
                if (holds) meeting[prefix] = meeting.GetValueOrDefault(prefix) + 1;
            }
            if (!holds) shortfalls.Add(new Shortfall(unit.Code, quantity, share.Condition.Value, share.Condition.Gap(quantity ?? 0)));
        }
        var length = RegionTree.LengthOf(share.Level);
        var figures = tree.Units.ToDictionary(u => u.Code, u =>
                u.Code.Length > length ? Figure.None(NoDataReason.BelowLevel)
                : counted.GetValueOrDefault(u.Code) is > 0 and var n ? new Figure(meeting.GetValueOrDefault(u.Code), n, 100 * meeting.GetValueOrDefault(u.Code) / n, null)
                : Figure.None(NoDataReason.NoUnits),
            StringComparer.Ordinal);
        return new IndicatorFigures(indicator, figures, [], sums, Sorted(shortfalls));
    }

    private static IndicatorFigures Total(Indicator indicator, TotalFormula total, RegionTree tree, IReadOnlyDictionary<string, IReadOnlyList<MeasureValue>> measures)
    {
        var sums = Sums(total.Measures, tree, measures, total.Kinds);
        var figures = tree.Units.ToDictionary(u => u.Code, u =>
        {
            var sum = total.Measures.Sum(c => sums[c].GetValueOrDefault(u.Code));
            return new Figure(sum, null, sum, null);
        }, StringComparer.Ordinal);
        return new IndicatorFigures(indicator, figures, [], sums, []);
    }

    private static bool Meets(Indicator indicator, double value, double standard) =>
        indicator.Direction == Direction.Up ? indicator.Round(value) >= standard : indicator.Round(value) <= standard;

    /// <summary>Largest gap first, then by code, so the list reads the same at every call.</summary>
    private static List<Shortfall> Sorted(List<Shortfall> shortfalls) =>
        shortfalls.OrderByDescending(s => s.Gap).ThenBy(s => s.RegionCode, StringComparer.Ordinal).ToList();
}
