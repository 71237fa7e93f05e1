using Linli.Modules.Requests.Domain;

namespace Linli.Tests.Requests.Hotspots;

/// <summary>The rules of 未诉先办 without a database: what is a cluster, a repeat caller, a rising category.</summary>
public sealed class HotspotRulesTests
{
    private static readonly DateTime Monday = new(2026, 11, 2, 2, 0, 0, DateTimeKind.Utc);
    private static readonly HotspotSettings Settings = new();
    private const double Lon = 123.4300, Lat = 41.8000;
    // About one metre in degrees of latitude (and of longitude at 41.8°N).
    private const double MetreLat = 1 / 111_320.0, MetreLon = 1 / 83_000.0;

    private static HotspotTicket At(long id, double eastMetres, double northMetres, double hoursAfter, int category = 7, string community = "210102001002", string? caller = null) =>
        new(id, category, 1, community, Lon + eastMetres * MetreLon, Lat + northMetres * MetreLat, Monday.AddHours(hoursAfter), caller);

    [Fact]
    public void Five_tickets_of_one_category_within_the_radius_and_window_are_one_cluster_and_a_far_one_is_left_out()
    {
        var tickets = new List<HotspotTicket>
        {
            At(1, 0, 0, 0), At(2, 50, 20, 5), At(3, -80, 40, 10), At(4, 30, -100, 20), At(5, 100, 100, 30),
            At(6, 2_000, 0, 15), // two kilometres away
        };
        var cluster = Assert.Single(HotspotRules.Clusters(tickets, Settings));
        Assert.Equal(HotspotKind.Cluster, cluster.Kind);
        Assert.Equal([1L, 2, 3, 4, 5], cluster.Members);
        Assert.Equal(7, cluster.CategoryId);
        Assert.Equal("210102001002", cluster.RegionCode);
        Assert.InRange(cluster.RadiusMeters!.Value, 50, 300);
        Assert.Equal(Monday, cluster.FirstAt);
        Assert.Equal(Monday.AddHours(30), cluster.LastAt);
    }

    [Fact]
    public void Four_tickets_are_not_a_cluster_nor_are_five_of_different_categories_or_spread_over_weeks()
    {
        Assert.Empty(HotspotRules.Clusters([At(1, 0, 0, 0), At(2, 10, 0, 1), At(3, 20, 0, 2), At(4, 30, 0, 3)], Settings));
        Assert.Empty(HotspotRules.Clusters([At(1, 0, 0, 0, 1), At(2, 10, 0, 1, 2), At(3, 20, 0, 2, 3), At(4, 30, 0, 3, 4), At(5, 40, 0, 4, 5)], Settings));
        // One a week at the same spot: never five within half a window of each other.
        Assert.Empty(HotspotRules.Clusters([.. Enumerable.Range(0, 6).Select(i => At(i, 0, 0, i * 24 * 7))], Settings));
    }

    [Fact]
    public void Scattered_tickets_over_a_district_make_no_cluster()
    {
        // 200 a week over 20 × 20 km (a district's size): about 0.14 others expected within 300 m of any one, so five
        // together happen by chance about once in 300 weeks; the fixed seed makes this particular week a quiet one.
        var random = new Random(12345);
        var tickets = Enumerable.Range(0, 200).Select(i => At(i, random.Next(-10_000, 10_000), random.Next(-10_000, 10_000), random.Next(0, 24 * 7))).ToList();
        Assert.Empty(HotspotRules.Clusters(tickets, Settings));
    }

    [Fact]
    public void A_cluster_chains_through_dense_tickets_and_takes_a_border_ticket_near_a_core_one()
    {
        // Five at the spot, five more 250 m east (within 300 m of the first group), one alone 562 m east: it has only two
        // neighbours, so it is not dense itself, but it lies within 300 m of a core ticket of the second group.
        var tickets = new List<HotspotTicket>();
        for (var i = 0; i < 5; i++) tickets.Add(At(i, i * 5, 0, i));
        for (var i = 0; i < 5; i++) tickets.Add(At(10 + i, 250 + i * 5, 0, i));
        tickets.Add(At(20, 562, 0, 2));
        var cluster = Assert.Single(HotspotRules.Clusters(tickets, Settings));
        Assert.Equal(11, cluster.TicketCount);
        Assert.Contains(20L, cluster.Members);
    }

    [Fact]
    public void A_caller_with_three_tickets_of_one_category_in_thirty_days_is_a_repeat_caller_and_two_or_a_slow_three_are_not()
    {
        var found = HotspotRules.RepeatCallers([
            At(1, 0, 0, 0, caller: "a"), At(2, 0, 0, 24 * 10, caller: "a"), At(3, 0, 0, 24 * 20, caller: "a"),
            At(4, 0, 0, 0, caller: "b"), At(5, 0, 0, 24 * 5, caller: "b"),
            At(6, 0, 0, 0, caller: "c"), At(7, 0, 0, 24 * 20, caller: "c"), At(8, 0, 0, 24 * 40, caller: "c"),
            At(9, 0, 0, 0, caller: null), At(10, 0, 0, 1, caller: null), At(11, 0, 0, 2, caller: null),
            At(12, 0, 0, 0, category: 1, caller: "d"), At(13, 0, 0, 1, category: 2, caller: "d"), At(14, 0, 0, 2, category: 3, caller: "d"),
        ], Settings);
        var repeat = Assert.Single(found);
        Assert.Equal(HotspotKind.RepeatCaller, repeat.Kind);
        Assert.Equal([1L, 2, 3], repeat.Members);
    }

    [Theory]
    [InlineData(10, 0.0, true)]   // from nothing to ten a week
    [InlineData(9, 0.0, false)]   // below the minimum
    [InlineData(20, 10.0, true)]  // doubled, and beyond chance (10 + 3√10 ≈ 19.5)
    [InlineData(19, 9.5, true)]   // doubled and just beyond chance (9.5 + 3√9.5 ≈ 18.75)
    [InlineData(12, 6.0, false)]  // doubled, but within chance (6 + 3√6 ≈ 13.3)
    [InlineData(30, 20.0, false)] // half again, not double
    public void A_category_rises_when_it_passes_the_minimum_doubles_its_baseline_and_is_beyond_chance(int count, double baseline, bool rising)
        => Assert.Equal(rising, HotspotRules.IsRising(count, baseline, Settings));

    [Fact]
    public void A_street_whose_category_jumps_in_the_last_week_against_eight_quiet_weeks_is_found_for_that_week_only()
    {
        var lastDay = new DateOnly(2026, 11, 30);
        var tickets = new List<HotspotTicket>();
        long id = 0;
        // Eight quiet weeks: two a week in street 210102001, level-1 category 1.
        for (var week = 1; week <= 8; week++)
            for (var k = 0; k < 2; k++)
                tickets.Add(new HotspotTicket(++id, 7, 1, "210102001002", null, null, Day(lastDay.AddDays(-7 * week - k)), null));
        // The last week: fourteen.
        for (var k = 0; k < 14; k++) tickets.Add(new HotspotTicket(++id, 7, 1, "210102001002", null, null, Day(lastDay.AddDays(-(k % 7))), null));
        // Another street steady at five a week all along.
        for (var week = 0; week <= 8; week++)
            for (var k = 0; k < 5; k++)
                tickets.Add(new HotspotTicket(++id, 7, 1, "210102002001", null, null, Day(lastDay.AddDays(-7 * week - k)), null));

        var rising = Assert.Single(HotspotRules.RisingCategories(tickets, lastDay, lastDay, Settings));
        Assert.Equal("210102001", rising.RegionCode);
        Assert.Equal(1, rising.CategoryId);
        Assert.Equal(14, rising.TicketCount);
        Assert.Equal(2.0, rising.Baseline);
        Assert.Equal(lastDay.AddDays(-6), rising.WeekOf);
    }

    private static DateTime Day(DateOnly chinaDay) => Linli.Platform.Calendar.WorkingCalendar.ToUtc(chinaDay.ToDateTime(new TimeOnly(10, 0)));
}
