using Linli.Modules.Indicators.Domain;
using Linli.Modules.Indicators.Features.Board;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Features.GetIndicator;

/// <summary>A measure behind a number: what it counts, its unit and its sum under the region.</summary>
internal sealed record MeasureTerm(string Code, string Name, string Unit, double Value);

/// <summary>How the number was made: the formula in words, the measures summed into numerator and denominator, and the factor.</summary>
internal sealed record Explanation(string Formula, IReadOnlyList<MeasureTerm> Numerator, IReadOnlyList<MeasureTerm> Denominator, double? Factor,
    IReadOnlyList<string> MissingMeasures);

internal sealed record TrendPoint(int Year, DateOnly AsOf, double? Value, double? Expected, IndicatorStatus Status);

internal sealed record IndicatorDetails(RegionRef Region, int Year, DateOnly AsOf, IndicatorRow Indicator, Explanation Explanation,
    IReadOnlyList<ChildRow> Children, IReadOnlyList<TrendPoint> Trend, int BelowStandardCount);

internal static class GetIndicatorEndpoint
{
    public static async Task<IndicatorDetails> GetAsync(IndicatorBoard board, string code, string? region, int? year, string? breakdown,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var indicator = board.Catalog.Find(code) ?? throw new NotFoundException("没有代码为 {0} 的指标。", code);
        if (breakdown is not (null or "" or "children" or "none"))
            throw ValidationFailedException.For("breakdown", "breakdown 只能是 children（按下级区划）或 none。");
        var figures = await board.ForYearAsync(board.CheckYear(year), ct);
        var unit = board.CheckRegion(region, figures);
        var standing = await board.StandingAsync(indicator, unit.Code, figures, ct);
        var of = figures.ByIndicator[code];

        var ranked = breakdown == "none" ? [] : await IndicatorRows.ChildrenAsync(board, indicator, unit.Code, figures, text, ct);

        var trend = new List<TrendPoint>();
        for (var y = board.Catalog.BaselineYear; y <= board.CurrentYear; y++)
        {
            var yearFigures = y == figures.Year ? figures : await board.ForYearAsync(y, ct);
            var s = await board.StandingAsync(indicator, unit.Code, yearFigures, ct);
            trend.Add(new TrendPoint(y, yearFigures.AsOf, s.Figure.Value is { } v ? indicator.Round(v) : null, s.Expected is { } e ? indicator.Round(e) : null, s.Status));
        }

        var below = of.Shortfalls.Count(s => s.RegionCode.StartsWith(unit.Code, StringComparison.Ordinal));
        return new IndicatorDetails(IndicatorRows.Ref(unit), figures.Year, figures.AsOf, IndicatorRows.Row(standing, text),
            Explain(of, unit.Code, figures, board.Catalog, text), ranked, trend, below);
    }

    public static Explanation Explain(IndicatorFigures of, string regionCode, YearFigures figures, IndicatorCatalog catalog, IStringLocalizer<SharedResource> text)
    {
        // The plan's term from the file first (it names measures no module publishes yet), else the publisher's name.
        string NameOf(string measure) => catalog.MeasureNames.TryGetValue(measure, out var n) ? n.DisplayName
            : figures.Measures.TryGetValue(measure, out var info) ? text[info.Name].Value : measure;
        string UnitOf(string measure) => catalog.MeasureNames.TryGetValue(measure, out var n) ? n.Unit
            : figures.Measures.TryGetValue(measure, out var info) ? info.Unit : "";
        MeasureTerm Term(string measure) => figures.Measures.ContainsKey(measure)
            ? new MeasureTerm(measure, NameOf(measure), UnitOf(measure), of.SumOf(measure, regionCode))
            : new MeasureTerm(measure, NameOf(measure) + text["（尚未提供）"].Value, UnitOf(measure), 0);
        return of.Indicator.Formula switch
        {
            RatioFormula ratio => new Explanation(text["分子之和 ÷ 分母之和 × {0}（先汇总、后相除）", ratio.Factor].Value,
                ratio.Numerator.Select(Term).ToList(), ratio.Denominator.Select(Term).ToList(), ratio.Factor, of.MissingMeasures.Select(NameOf).ToList()),
            ShareFormula share => new Explanation(text["符合条件的单位数 ÷ 参与统计的单位数 × 100；条件：{0}{1} {2}{3}", Describe(share.Condition, NameOf, text),
                    IndicatorLabels.Of(share.Condition.Op), share.Condition.Value,
                    share.Where is { } w ? text["（仅统计 {0}{1} {2} 的单位）", Describe(w, NameOf, text), IndicatorLabels.Of(w.Op), w.Value].Value : ""].Value,
                share.MeasureCodes.Distinct().Select(Term).ToList(), [], 100, of.MissingMeasures.Select(NameOf).ToList()),
            TotalFormula total => new Explanation(text["各单位之和"].Value, total.Measures.Select(Term).ToList(), [], null, of.MissingMeasures.Select(NameOf).ToList()),
            _ => throw new InvalidOperationException("Unknown formula."),
        };
    }

    private static string Describe(UnitCondition condition, Func<string, string> name, IStringLocalizer<SharedResource> text) =>
        condition.Per is null ? name(condition.Measure) : text["每{0}{1}的{2}", condition.Factor, name(condition.Per), name(condition.Measure)].Value;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{code}", async (string code, string? region, int? year, string? breakdown, IndicatorBoard board, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                TypedResults.Ok(await GetAsync(board, code, region, year, breakdown, text, ct)))
            .WithName("GetIndicator")
            .WithSummary("One indicator at a region and year: its standing, the explanation of the number (formula, the measures in numerator and denominator with their sums), the sub-regions ranked (breakdown=children, the default), the trend from 2020, and how many units under the region are below standard.");
}
