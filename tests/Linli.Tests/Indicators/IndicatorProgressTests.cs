using Linli.Modules.Indicators.Domain;

namespace Linli.Tests.Indicators;

/// <summary>The status rule: achieved, on track on the straight path from the 2020 baseline to the 2025 target, behind, no data.</summary>
public sealed class IndicatorProgressTests
{
    private static Indicator Make(double? baseline = 20, double? target = 30, Direction direction = Direction.Up, Dictionary<int, double>? milestones = null, int decimals = 2) =>
        new("x", "1", "专栏1", "测试", "Test", "%", decimals, target is null ? IndicatorKind.Monitoring : IndicatorKind.Expected, direction,
            baseline, target, milestones ?? [], new TotalFormula(["m"], null), null, null);

    [Theory]
    [InlineData(2020, 20)]
    [InlineData(2022, 24)]
    [InlineData(2025, 30)]
    [InlineData(2027, 30)]
    public void The_path_runs_straight_from_the_baseline_to_the_target_and_stays_at_the_target_after_2025(int year, double expected) =>
        Assert.Equal(expected, IndicatorProgress.Expected(Make(), year, 20, 2020, 2025)!.Value, 9);

    [Fact]
    public void A_milestone_bends_the_path()
    {
        // Volunteers: 936,000 in 2020, 1.6 million in 2023, 1.65 million in 2025.
        var indicator = Make(936_000, 1_650_000, milestones: new() { [2023] = 1_600_000 });
        Assert.Equal(1_600_000, IndicatorProgress.Expected(indicator, 2023, 936_000, 2020, 2025)!.Value, 6);
        Assert.Equal(1_625_000, IndicatorProgress.Expected(indicator, 2024, 936_000, 2020, 2025)!.Value, 6);
        Assert.Equal(936_000 + 664_000 / 3.0, IndicatorProgress.Expected(indicator, 2021, 936_000, 2020, 2025)!.Value, 6);
    }

    [Theory]
    [InlineData(2022, 31, "Achieved")]
    [InlineData(2022, 24, "OnTrack")]
    [InlineData(2022, 23.99, "Behind")]
    [InlineData(2026, 29, "Behind")]
    [InlineData(2026, 30, "Achieved")]
    public void Status_follows_the_target_and_the_path(int year, double value, string expected) =>
        Assert.Equal(Enum.Parse<IndicatorStatus>(expected), IndicatorProgress.StatusOf(Make(), year, value, 20, 2020, 2025));

    [Fact]
    public void No_value_is_no_data_and_a_figure_without_target_is_monitoring()
    {
        Assert.Equal(IndicatorStatus.NoData, IndicatorProgress.StatusOf(Make(), 2023, null, 20, 2020, 2025));
        Assert.Equal(IndicatorStatus.Monitoring, IndicatorProgress.StatusOf(Make(target: null), 2023, 5, 20, 2020, 2025));
    }

    [Fact]
    public void A_value_shown_as_the_target_is_achieved_even_if_a_little_below_before_rounding() =>
        Assert.Equal(IndicatorStatus.Achieved, IndicatorProgress.StatusOf(Make(decimals: 2), 2023, 29.996, 20, 2020, 2025));

    [Fact]
    public void For_a_lower_is_better_indicator_a_value_at_or_below_the_path_is_on_track()
    {
        var indicator = Make(baseline: 10, target: 5, direction: Direction.Down);
        Assert.Equal(IndicatorStatus.OnTrack, IndicatorProgress.StatusOf(indicator, 2021, 9, 10, 2020, 2025));
        Assert.Equal(IndicatorStatus.Behind, IndicatorProgress.StatusOf(indicator, 2021, 9.5, 10, 2020, 2025));
        Assert.Equal(IndicatorStatus.Achieved, IndicatorProgress.StatusOf(indicator, 2021, 5, 10, 2020, 2025));
    }

    [Fact]
    public void Without_a_baseline_only_meeting_the_target_counts_before_any_milestone() =>
        Assert.Equal(IndicatorStatus.Behind, IndicatorProgress.StatusOf(Make(baseline: null), 2022, 29, null, 2020, 2025));
}
