using Linli.Platform.Persistence;

namespace Linli.Tests.Platform;

/// <summary>
/// How a reader of a daily roll-up splits a period (the request metrics and the service-desk statistics alike): whole
/// unchanged months from month rows, other rolled-up days from day rows, stale days and today onwards from the source.
/// </summary>
public sealed class DailyRollupPlanTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static List<DateOnly> Days(DateOnly first, DateOnly last)
    {
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1)) days.Add(d);
        return days;
    }

    [Fact]
    public void Runs_join_consecutive_days_whatever_their_order_and_repeats() =>
        Assert.Equal([(D(3, 1), D(3, 3)), (D(3, 5), D(3, 5)), (D(3, 31), D(4, 1))],
            DailyRollup.Runs([D(3, 3), D(4, 1), D(3, 1), D(3, 5), D(3, 2), D(3, 31), D(3, 2)]).ToList());

    [Fact]
    public void A_whole_unchanged_month_is_read_from_its_month_rows_and_today_onwards_live()
    {
        var plan = DailyRollup.Plan(D(9, 15), D(11, 5), today: D(11, 3), stale: []);
        Assert.Equal([D(10, 1)], plan.Months);
        Assert.Equal([.. Days(D(9, 15), D(9, 30)), D(11, 1), D(11, 2)], plan.Days);
        Assert.Equal([(D(9, 15), D(9, 30)), (D(11, 1), D(11, 2))], plan.DayRuns.ToList());
        Assert.Equal([(D(11, 3), D(11, 5))], plan.LiveRuns.ToList());
        Assert.Equal(D(11, 2), plan.LastRolled);
    }

    [Fact]
    public void A_changed_day_is_counted_live_and_its_month_from_day_rows()
    {
        var plan = DailyRollup.Plan(D(9, 15), D(11, 5), today: D(11, 3), stale: [D(10, 20), D(8, 1)]);
        Assert.Empty(plan.Months);
        Assert.Equal(Days(D(9, 15), D(11, 2)).Where(d => d != D(10, 20)), plan.Days);
        Assert.Equal([(D(10, 20), D(10, 20)), (D(11, 3), D(11, 5))], plan.LiveRuns.ToList()); // a stale day outside the period is not read
    }

    [Fact]
    public void A_period_after_today_is_all_live()
    {
        var plan = DailyRollup.Plan(D(11, 10), D(11, 12), today: D(11, 3), stale: []);
        Assert.Empty(plan.Months);
        Assert.Empty(plan.Days);
        Assert.Equal([(D(11, 10), D(11, 12))], plan.LiveRuns.ToList());
        Assert.True(plan.LastRolled < D(11, 10));
    }
}
