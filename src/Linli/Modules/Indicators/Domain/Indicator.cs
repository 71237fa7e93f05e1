using System.Text.Json;
using System.Text.Json.Serialization;
using Linli.Modules.Regions.Contracts;

namespace Linli.Modules.Indicators.Domain;

/// <summary>预期性 (expected) and 约束性 (binding) targets of the plan; 监测 (monitoring) figures have no target.</summary>
internal enum IndicatorKind { Expected = 1, Binding = 2, Monitoring = 3 }

/// <summary>Whether a higher value is better (most) or a lower one.</summary>
internal enum Direction { Up = 1, Down = 2 }

internal enum Comparison { AtLeast = 1, AtMost, MoreThan, LessThan }

/// <summary>
/// A test on one unit: its value of <see cref="Measure"/> (per <see cref="Per"/> × <see cref="Factor"/> when given, e.g. m² per
/// 100 households) compared with <see cref="Value"/>.
/// </summary>
internal sealed record UnitCondition(string Measure, string? Per, double Factor, Comparison Op, double Value)
{
    /// <summary>The unit's quantity from the sums under its code; null when the per-measure is zero (nothing to divide by).</summary>
    public double? Quantity(Func<string, double> sum)
    {
        if (Per is null) return sum(Measure);
        var per = sum(Per);
        return per > 0 ? Factor * sum(Measure) / per : null;
    }

    public bool Holds(double quantity) => Op switch
    {
        Comparison.AtLeast => quantity >= Value,
        Comparison.AtMost => quantity <= Value,
        Comparison.MoreThan => quantity > Value,
        _ => quantity < Value,
    };

    /// <summary>How far a failing quantity is from passing (positive), in the condition's unit.</summary>
    public double Gap(double quantity) => Math.Abs(Value - quantity);

    public IEnumerable<string> MeasureCodes => Per is null ? [Measure] : [Measure, Per];
}

/// <summary>How an indicator is computed from measures. Every formula aggregates by summing, then divides: never a mean of ratios.</summary>
internal abstract record Formula
{
    public abstract IEnumerable<string> MeasureCodes { get; }
}

/// <summary>
/// Factor × Σ numerator ÷ Σ denominator over the units under a region. <see cref="Kinds"/>, when set, keeps only the values
/// recorded at units of those kinds (e.g. only urban communities' workers).
/// </summary>
internal sealed record RatioFormula(IReadOnlyList<string> Numerator, IReadOnlyList<string> Denominator, double Factor, IReadOnlyList<RegionKind>? Kinds) : Formula
{
    public override IEnumerable<string> MeasureCodes => Numerator.Concat(Denominator);
}

/// <summary>
/// The share (%) of units at <see cref="Level"/> of the given kinds (and meeting <see cref="Where"/>) that meet
/// <see cref="Condition"/>: units are counted at their own level, and the counts are summed up the tree.
/// </summary>
internal sealed record ShareFormula(RegionLevel Level, IReadOnlyList<RegionKind> Kinds, UnitCondition? Where, UnitCondition Condition) : Formula
{
    public override IEnumerable<string> MeasureCodes => (Where?.MeasureCodes ?? []).Concat(Condition.MeasureCodes);
}

/// <summary>Σ of the measures under a region (a count such as volunteers or library branches).</summary>
internal sealed record TotalFormula(IReadOnlyList<string> Measures, IReadOnlyList<RegionKind>? Kinds) : Formula
{
    public override IEnumerable<string> MeasureCodes => Measures;
}

/// <summary>For a ratio indicator: units at <see cref="Level"/> whose own value is below <see cref="Value"/> are listed with their gap.</summary>
internal sealed record UnitStandard(RegionLevel Level, double Value);

/// <summary>
/// An indicator of the plan, loaded from data/indicators-2021-2025.json: what it is, how it is computed, the 2020 baseline
/// and the 2025 target (with intermediate milestones where the plan sets them, e.g. volunteers in 2023).
/// </summary>
internal sealed record Indicator(
    string Code, string Number, string Group, string Name, string NameEn, string Unit, int Decimals,
    IndicatorKind Kind, Direction Direction, double? Baseline, double? Target, IReadOnlyDictionary<int, double> Milestones,
    Formula Formula, UnitStandard? Standard, string? Note)
{
    public double Round(double value) => Math.Round(value, Decimals, MidpointRounding.AwayFromZero);

    /// <summary>The name in the caller's language: the file carries both, so a new plan needs no resource entries.</summary>
    public string DisplayName => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : Name;
}

/// <summary>A measure as the plan names it: shown in the explanation of a number even while no module publishes it.</summary>
internal sealed record MeasureName(string Name, string NameEn, string Unit)
{
    public string DisplayName => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? NameEn : Name;
}

/// <summary>The indicators of one plan period: a file, so the next plan (2026–2030) is a new file rather than new code.</summary>
internal sealed record IndicatorCatalog(string Plan, int BaselineYear, int TargetYear, IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<string, MeasureName> MeasureNames)
{
    public const string File = "indicators-2021-2025.json";

    public Indicator? Find(string code) => Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    public IReadOnlySet<string> MeasureCodes => Indicators.SelectMany(i => i.Formula.MeasureCodes).ToHashSet(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads and checks a catalog; a mistake in the file stops the start with the indicator and field it is in.</summary>
    public static IndicatorCatalog Parse(string json)
    {
        var file = JsonSerializer.Deserialize<CatalogFile>(json, Json) ?? throw new FormatException("The indicator file is empty.");
        var indicators = new List<Indicator>();
        foreach (var entry in file.Indicators ?? [])
        {
            var where = $"indicator {entry.Code ?? "(no code)"}";
            string Required(string? value, string field) =>
                string.IsNullOrWhiteSpace(value) ? throw new FormatException($"{where}: {field} is required.") : value;
            var code = Required(entry.Code, "code");
            if (indicators.Any(i => i.Code == code)) throw new FormatException($"{where}: the code is used twice.");
            var formulas = new Formula?[] { entry.Ratio?.ToFormula(where), entry.Share?.ToFormula(where), entry.Total?.ToFormula(where) }.OfType<Formula>().ToList();
            if (formulas.Count != 1) throw new FormatException($"{where}: exactly one of ratio, share or total is required.");
            var kind = ParseKind(Required(entry.Kind, "kind"), where);
            if (kind != IndicatorKind.Monitoring && entry.Target is null) throw new FormatException($"{where}: a target is required unless the kind is monitoring.");
            var milestones = new Dictionary<int, double>();
            foreach (var (year, value) in entry.Milestones ?? [])
            {
                if (!int.TryParse(year, out var y) || y <= file.BaselineYear || y >= file.TargetYear)
                    throw new FormatException($"{where}: milestone year {year} must lie between {file.BaselineYear} and {file.TargetYear}.");
                milestones[y] = value;
            }
            indicators.Add(new Indicator(code, Required(entry.Number, "number"), Required(entry.Group, "group"), Required(entry.Name, "name"),
                entry.NameEn ?? entry.Name!, Required(entry.Unit, "unit"), Math.Clamp(entry.Decimals ?? 1, 0, 4), kind,
                entry.Direction?.ToLowerInvariant() == "down" ? Direction.Down : Direction.Up, entry.Baseline, entry.Target, milestones,
                formulas[0], entry.Standard is { } s ? new UnitStandard(ParseLevel(s.Level, where), s.Value) : null, entry.Note));
        }
        if (indicators.Count == 0) throw new FormatException("The indicator file holds no indicator.");
        var names = new Dictionary<string, MeasureName>(StringComparer.Ordinal);
        foreach (var (code, m) in file.Measures ?? [])
            names[code] = string.IsNullOrWhiteSpace(m.Name) || string.IsNullOrWhiteSpace(m.Unit)
                ? throw new FormatException($"measure {code}: name and unit are required.")
                : new MeasureName(m.Name, m.NameEn ?? m.Name, m.Unit);
        foreach (var indicator in indicators)
            if (indicator.Formula.MeasureCodes.FirstOrDefault(c => !names.ContainsKey(c)) is { } unnamed)
                throw new FormatException($"indicator {indicator.Code}: measure {unnamed} is not named in measures.");
        return new IndicatorCatalog(file.Plan ?? "", file.BaselineYear, file.TargetYear, indicators, names);
    }

    private static IndicatorKind ParseKind(string kind, string where) => kind.ToLowerInvariant() switch
    {
        "expected" => IndicatorKind.Expected,
        "binding" => IndicatorKind.Binding,
        "monitoring" => IndicatorKind.Monitoring,
        _ => throw new FormatException($"{where}: kind must be expected, binding or monitoring."),
    };

    internal static RegionLevel ParseLevel(string? level, string where) => level?.ToLowerInvariant() switch
    {
        "community" => RegionLevel.Community,
        "street" => RegionLevel.Street,
        "district" => RegionLevel.District,
        _ => throw new FormatException($"{where}: level must be community, street or district."),
    };

    private static Comparison ParseOp(string? op, string where) => op switch
    {
        ">=" => Comparison.AtLeast,
        "<=" => Comparison.AtMost,
        ">" => Comparison.MoreThan,
        "<" => Comparison.LessThan,
        _ => throw new FormatException($"{where}: op must be >=, <=, > or <."),
    };

    private static IReadOnlyList<string> Codes(IReadOnlyList<string>? codes, string field, string where) =>
        codes is { Count: > 0 } && codes.All(c => !string.IsNullOrWhiteSpace(c)) ? codes : throw new FormatException($"{where}: {field} names no measure.");

    private sealed record CatalogFile(string? Plan, int BaselineYear, int TargetYear, Dictionary<string, MeasureEntry>? Measures, IReadOnlyList<IndicatorEntry>? Indicators);

    private sealed record MeasureEntry(string? Name, string? NameEn, string? Unit);

    private sealed record IndicatorEntry(
        string? Code, string? Number, string? Group, string? Name, string? NameEn, string? Unit, int? Decimals, string? Kind, string? Direction,
        double? Baseline, double? Target, Dictionary<string, double>? Milestones, RatioEntry? Ratio, ShareEntry? Share, TotalEntry? Total,
        StandardEntry? Standard, string? Note);

    private sealed record RatioEntry(IReadOnlyList<string>? Numerator, IReadOnlyList<string>? Denominator, double? Factor, IReadOnlyList<RegionKind>? Kinds)
    {
        public RatioFormula ToFormula(string where) => new(Codes(Numerator, "numerator", where), Codes(Denominator, "denominator", where), Factor ?? 1, Kinds);
    }

    private sealed record ConditionEntry(string? Measure, string? Per, double? Factor, string? Op, double Value)
    {
        public UnitCondition ToCondition(string where) =>
            new(string.IsNullOrWhiteSpace(Measure) ? throw new FormatException($"{where}: a condition names no measure.") : Measure, Per, Factor ?? 1, ParseOp(Op, where), Value);
    }

    private sealed record ShareEntry(string? Level, IReadOnlyList<RegionKind>? Kinds, ConditionEntry? Where, ConditionEntry? Condition)
    {
        public ShareFormula ToFormula(string where) => new(ParseLevel(Level, where),
            Kinds is { Count: > 0 } ? Kinds : throw new FormatException($"{where}: a share names the kinds of unit it counts."),
            Where?.ToCondition(where), (Condition ?? throw new FormatException($"{where}: a share needs a condition.")).ToCondition(where));
    }

    private sealed record TotalEntry(IReadOnlyList<string>? Measures, IReadOnlyList<RegionKind>? Kinds)
    {
        public TotalFormula ToFormula(string where) => new(Codes(Measures, "measures", where), Kinds);
    }

    private sealed record StandardEntry(string? Level, double Value);
}
