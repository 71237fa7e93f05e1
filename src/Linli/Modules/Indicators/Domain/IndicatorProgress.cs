namespace Linli.Modules.Indicators.Domain;

/// <summary>Where a value stands against the plan (达标 / 进度正常 / 进度滞后 / 暂无数据; 监测 for figures without a target).</summary>
internal enum IndicatorStatus { Achieved = 1, OnTrack, Behind, NoData, Monitoring }

/// <summary>
/// The status rule, in one place: a value meets the target → achieved; before the target year, a value on or ahead of the
/// straight path from the baseline (through the plan's milestones) to the target → on track; otherwise behind. After the
/// target year the target stays the 2025 one. Values are compared as shown (rounded to the indicator's decimals), so a
/// displayed 40.00 never reads "behind" a target of 40.
/// </summary>
internal static class IndicatorProgress
{
    /// <summary>
    /// The value the straight path expects in <paramref name="year"/>: the target from the target year on; before it, the
    /// line through (baseline year, baseline), the milestones and (target year, target). Null without a target, or before
    /// the first known point when the baseline is unknown.
    /// </summary>
    public static double? Expected(Indicator indicator, int year, double? baseline, int baselineYear, int targetYear)
    {
        if (indicator.Target is not { } target) return null;
        if (year >= targetYear) return target;
        var points = new SortedDictionary<int, double>(indicator.Milestones.ToDictionary(m => m.Key, m => m.Value)) { [targetYear] = target };
        if (baseline is { } b) points[baselineYear] = b;
        var known = points.ToList();
        if (year < known[0].Key) return null;
        for (var i = 0; i < known.Count - 1; i++)
        {
            var (y0, v0) = (known[i].Key, known[i].Value);
            var (y1, v1) = (known[i + 1].Key, known[i + 1].Value);
            if (year >= y0 && year <= y1) return v0 + (v1 - v0) * (year - y0) / (y1 - y0);
        }
        return target;
    }

    public static IndicatorStatus StatusOf(Indicator indicator, int year, double? value, double? baseline, int baselineYear, int targetYear)
    {
        if (value is not { } v) return IndicatorStatus.NoData;
        if (indicator.Target is not { } target) return IndicatorStatus.Monitoring;
        if (Meets(indicator, v, target)) return IndicatorStatus.Achieved;
        if (year >= targetYear) return IndicatorStatus.Behind;
        // Without a baseline there is no path to be on before the first milestone: only meeting the target counts.
        return Expected(indicator, year, baseline, baselineYear, targetYear) is { } path && Meets(indicator, v, path)
            ? IndicatorStatus.OnTrack
            : IndicatorStatus.Behind;
    }

    private static bool Meets(Indicator indicator, double value, double goal) =>
        indicator.Direction == Direction.Up ? indicator.Round(value) >= indicator.Round(goal) : indicator.Round(value) <= indicator.Round(goal);
}
