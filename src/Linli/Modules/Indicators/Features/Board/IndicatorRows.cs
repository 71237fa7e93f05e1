using Linli.Modules.Indicators.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Features.Board;

internal sealed record RegionRef(string Code, string Name, RegionLevel Level);

/// <summary>An indicator at a region as the API answers it: the figure, the plan's numbers and the status, with Chinese labels.</summary>
internal sealed record IndicatorRow(
    string Code, string Number, string Group, string Name, string Unit, int Decimals, IndicatorKind Kind, string KindLabel, Direction Direction,
    double? Baseline, double? Measured2020, double? Target, double? Expected, double? Value, double? Numerator, double? Denominator,
    IndicatorStatus Status, string StatusLabel, string? NoDataLabel, string? Note);

/// <summary>A sub-region's figure of one indicator, for the ranked breakdown.</summary>
internal sealed record ChildRow(RegionRef Region, double? Value, double? Numerator, double? Denominator, IndicatorStatus Status, string StatusLabel, string? NoDataLabel);

internal static class IndicatorRows
{
    /// <summary>The region's children ranked best first in the indicator's direction, units without a value last.</summary>
    public static async Task<IReadOnlyList<ChildRow>> ChildrenAsync(IndicatorBoard board, Indicator indicator, string regionCode, YearFigures figures,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var children = new List<ChildRow>();
        foreach (var child in figures.Tree.ChildrenOf(regionCode))
        {
            var s = await board.StandingAsync(indicator, child.Code, figures, ct);
            children.Add(new ChildRow(Ref(child), Round(indicator, s.Figure.Value), s.Figure.Numerator, s.Figure.Denominator,
                s.Status, text[IndicatorLabels.Of(s.Status)].Value, s.Figure.Reason is { } r ? text[IndicatorLabels.Of(r)].Value : null));
        }
        return children.OrderBy(c => c.Value is null).ThenBy(c => indicator.Direction == Direction.Up ? -(c.Value ?? 0) : c.Value ?? 0)
            .ThenBy(c => c.Region.Code, StringComparer.Ordinal).ToList();
    }

    private static double? Round(Indicator indicator, double? value) => value is { } v ? indicator.Round(v) : null;

    public static IndicatorRow Row(Standing s, IStringLocalizer<SharedResource> text) => new(
        s.Indicator.Code, s.Indicator.Number, s.Indicator.Group, s.Indicator.DisplayName, s.Indicator.Unit, s.Indicator.Decimals,
        s.Indicator.Kind, text[IndicatorLabels.Of(s.Indicator.Kind)].Value, s.Indicator.Direction,
        s.Indicator.Baseline, Round(s.Indicator, s.Measured2020), s.Indicator.Target, Round(s.Indicator, s.Expected), Round(s.Indicator, s.Figure.Value),
        s.Figure.Numerator, s.Figure.Denominator, s.Status, text[IndicatorLabels.Of(s.Status)].Value,
        s.Figure.Reason is { } reason ? text[IndicatorLabels.Of(reason)].Value : null, s.Indicator.Note);

    public static RegionRef Ref(RegionInfo region) => new(region.Code, region.Name, region.Level);
}
