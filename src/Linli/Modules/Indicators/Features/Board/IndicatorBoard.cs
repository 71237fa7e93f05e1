using System.ComponentModel;
using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Indicators.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Caching;
using Linli.Platform.Errors;
using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Modules.Indicators.Features.Board;

/// <summary>Every indicator's figures for every region in one year, as of <see cref="AsOf"/>; held in the cache as it is.</summary>
[ImmutableObject(true)]
internal sealed class YearFigures(int year, DateOnly asOf, RegionTree tree, IReadOnlyDictionary<string, IndicatorFigures> byIndicator, IReadOnlyDictionary<string, MeasureInfo> measures)
{
    public int Year { get; } = year;
    public DateOnly AsOf { get; } = asOf;
    public RegionTree Tree { get; } = tree;
    public IReadOnlyDictionary<string, IndicatorFigures> ByIndicator { get; } = byIndicator;
    /// <summary>Name and unit of every published measure, for the explanation of a number.</summary>
    public IReadOnlyDictionary<string, MeasureInfo> Measures { get; } = measures;
}

/// <summary>One indicator at one region in one year, with its status against the plan.</summary>
internal sealed record Standing(Indicator Indicator, int Year, Figure Figure, double? Baseline, double? Measured2020, double? Expected, IndicatorStatus Status);

/// <summary>
/// Computes and caches the figures of a year: each measure the catalog names is fetched once (one grouped query in the
/// module that publishes it), then every indicator is evaluated for every region in memory (Domain/IndicatorCalculator.cs).
/// A year's figures live in the cache for <see cref="CacheFor"/> and are dropped at once by tag when data entered here
/// changes, so a number is at most that old and never yesterday's batch.
/// </summary>
internal sealed class IndicatorBoard(IndicatorCatalog catalog, IEnumerable<IMeasureSource> sources, IRegionDirectory regions, HybridCache cache,
    TimeProvider clock, IAreaScope scope)
{
    public const string CacheTag = "indicators";
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public IndicatorCatalog Catalog => catalog;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaOffset).DateTime);

    public int CurrentYear => Today.Year;

    /// <summary>Year-end, or today for the year under way.</summary>
    public DateOnly AsOfFor(int year) => year >= CurrentYear ? Today : new DateOnly(year, 12, 31);

    /// <summary>The years a figure exists for: the baseline year to the current one. Another year is a 400 naming <c>year</c>.</summary>
    public int CheckYear(int? year)
    {
        var y = year ?? CurrentYear;
        if (y < catalog.BaselineYear || y > CurrentYear)
            throw ValidationFailedException.For("year", "年份须在 {0} 至 {1} 之间。", catalog.BaselineYear, CurrentYear);
        return y;
    }

    public async Task<YearFigures> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        var asOf = AsOfFor(year);
        return await cache.GetOrCreateAsync($"indicators:{year}:{asOf:yyyyMMdd}", (year, asOf, board: this),
            static async (state, ct) => await state.board.ComputeAsync(state.year, state.asOf, ct),
            CacheBound.Of(CacheFor), [CacheTag], cancellationToken);
    }

    private async Task<YearFigures> ComputeAsync(int year, DateOnly asOf, CancellationToken cancellationToken)
    {
        var units = new List<RegionInfo>();
        foreach (var level in new[] { RegionLevel.City, RegionLevel.District, RegionLevel.Street, RegionLevel.Community })
            units.AddRange(await regions.ListAsync(level, cancellationToken: cancellationToken));
        var tree = new RegionTree(units);

        var published = new Dictionary<string, (IMeasureSource Source, MeasureInfo Info)>(StringComparer.Ordinal);
        foreach (var source in sources)
            foreach (var info in source.Measures)
                published.TryAdd(info.Code, (source, info));
        var values = new Dictionary<string, IReadOnlyList<MeasureValue>>(StringComparer.Ordinal);
        // One after the other: sources of one module share its scoped DbContext.
        foreach (var code in catalog.MeasureCodes.Where(published.ContainsKey).Order(StringComparer.Ordinal))
            values[code] = await published[code].Source.MeasureAsync(code, asOf, cancellationToken);

        var figures = catalog.Indicators.ToDictionary(i => i.Code, i => IndicatorCalculator.Evaluate(i, tree, values), StringComparer.Ordinal);
        return new YearFigures(year, asOf, tree, figures, published.ToDictionary(p => p.Key, p => p.Value.Info, StringComparer.Ordinal));
    }

    /// <summary>
    /// The region the caller asked for, or the caller's own area: a region outside the caller's scope does not exist for it
    /// (404, like every other module), and a caller without an area scope (a department) reads the city.
    /// </summary>
    public RegionInfo CheckRegion(string? region, YearFigures figures)
    {
        var own = scope.CommunityPrefix ?? throw new ForbiddenException("指标按行政区划查看，您的账号没有区划范围。");
        var code = string.IsNullOrWhiteSpace(region) ? (own.Length >= 4 ? own : figures.Tree.Units.FirstOrDefault(u => u.Level == RegionLevel.City)?.Code ?? "") : region.Trim();
        if (!code.StartsWith(own, StringComparison.Ordinal) || figures.Tree.Find(code) is not { } unit)
            throw new NotFoundException("没有代码为 {0} 的行政区划。", code);
        return unit;
    }

    /// <summary>Where the indicator stands at a region, against the plan's baseline for the city and the region's own 2020 value below it.</summary>
    public async Task<Standing> StandingAsync(Indicator indicator, string regionCode, YearFigures figures, CancellationToken cancellationToken)
    {
        var figure = figures.ByIndicator[indicator.Code].At(regionCode);
        var baselineYear = figures.Year == catalog.BaselineYear ? figures : await ForYearAsync(catalog.BaselineYear, cancellationToken);
        var measured2020 = baselineYear.ByIndicator[indicator.Code].At(regionCode).Value;
        var isCity = regionCode.Length == RegionTree.LengthOf(RegionLevel.City);
        var baseline = isCity ? indicator.Baseline ?? measured2020 : measured2020 ?? indicator.Baseline;
        var expected = IndicatorProgress.Expected(indicator, figures.Year, baseline, catalog.BaselineYear, catalog.TargetYear);
        var status = IndicatorProgress.StatusOf(indicator, figures.Year, figure.Value, baseline, catalog.BaselineYear, catalog.TargetYear);
        return new Standing(indicator, figures.Year, figure, baseline, measured2020, expected, status);
    }
}
