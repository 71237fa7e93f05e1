using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Seeding;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Linli.Tests.ServiceDesk.Statistics;

/// <summary>The synthetic year of service cases in the shared city (scale 0.002): volume, spread, and lives the transition table allows.</summary>
[Collection("city2")]
public sealed class CaseHistoryTests(CityFixture city, ITestOutputHelper output)
{
    private Task<List<ServiceCase>> HistoryAsync() => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.OwnerUserId.StartsWith(CaseHistorySeeder.SeedUser)).Include(c => c.Steps).AsSplitQuery().OrderBy(c => c.Id).ToListAsync());

    [Fact]
    public async Task The_year_has_the_plans_volume_in_every_district_with_notices_lateness_and_poor_ratings_followed_up()
    {
        var cases = await HistoryAsync();
        var expected = CaseHistorySeeder.CasesAtFullScale * CityFixture.Scale;
        output.WriteLine($"{cases.Count} cases (expected {expected})");
        Assert.InRange(cases.Count, expected * 0.9, expected * 1.1);

        var districts = await city.App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.District, ""));
        var perDistrict = cases.GroupBy(c => c.AcceptingCommunityCode[..6]).ToDictionary(g => g.Key, g => g.Count());
        foreach (var d in districts) Assert.True(perDistrict.GetValueOrDefault(d.Code) > 0, $"no cases accepted in {d.Name} ({d.Code})");

        var noticed = cases.Count(c => c.NoticedAt is not null) / (double)cases.Count;
        var late = cases.Count(c => c.IsOverdue) / (double)cases.Count;
        var outside = cases.Count(c => c.AcceptingCommunityCode != c.HomeCommunityCode) / (double)cases.Count;
        output.WriteLine($"noticed {noticed:P1}, late {late:P1}, accepted outside home {outside:P1}");
        Assert.InRange(noticed, 0.08, 0.16);
        Assert.InRange(late, 0.02, 0.10);
        Assert.InRange(outside, 0.05, 0.25);
        Assert.Contains(cases, c => c.Mode == HandlingModes.Proxy && c.Mandate is not null);
        Assert.Contains(cases, c => c.Mode == HandlingModes.Online);

        var ratings = await city.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().CaseRatings.AsNoTracking().ToListAsync());
        var ids = cases.Select(c => c.Id).ToHashSet();
        var seeded = ratings.Where(r => ids.Contains(r.CaseId)).ToList();
        var handedOver = cases.Count(c => c.State == CaseState.HandedOver);
        Assert.InRange(seeded.Count / (double)handedOver, 0.3, 0.5);
        var poor = seeded.Where(r => r.Level <= RatingLevel.Dissatisfied).ToList();
        Assert.NotEmpty(poor);
        Assert.All(poor, r => Assert.NotNull(r.FollowUpDueAt));
        Assert.True(poor.Count(r => r.FollowUpAt is not null) > poor.Count / 2, "most 差评 are followed up");
        Assert.All(seeded.Where(r => r.Level > RatingLevel.Dissatisfied), r => Assert.Null(r.FollowUpDueAt));
    }

    [Fact]
    public async Task Every_seeded_door_to_door_case_has_its_home_visit_booked_and_recorded_for_an_eligible_applicant()
    {
        var cases = await HistoryAsync();
        var visits = await city.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().CaseHomeVisits.AsNoTracking().ToListAsync());
        var byCase = visits.ToLookup(v => v.CaseId);
        var door = cases.Where(c => c.Mode == HandlingModes.DoorToDoor).ToList();
        output.WriteLine($"{door.Count} door-to-door cases, {visits.Count} visits");
        Assert.NotEmpty(door);
        foreach (var c in door)
        {
            Assert.True(c.HomeVisitEligible, $"case {c.Number} is handled at home for an applicant not tagged 80+, disabled or living alone");
            var visit = Assert.Single(byCase[c.Id]);
            Assert.Equal(c.AcceptingCommunityCode, visit.AcceptingCommunityCode);
            Assert.True(visit.ScheduledAt > c.ReceivedAt);
            // A visit is recorded unless the year ended before it; the case moves on only after it.
            if (visit.VisitedAt is null) Assert.Equal(CaseState.Received, c.State);
            else Assert.False(string.IsNullOrWhiteSpace(visit.Outcome));
            Assert.Equal(visit.VisitedAt is null ? 1 : 2, c.Steps.Count(s => s.Note is { } n && (n.StartsWith("预约上门", StringComparison.Ordinal) || n.StartsWith("上门服务", StringComparison.Ordinal))));
        }
        Assert.Contains(door, c => byCase[c.Id].Single().VisitedAt is not null);
        var ids = cases.Select(c => c.Id).ToHashSet();
        Assert.All(visits.Where(v => ids.Contains(v.CaseId)), v => Assert.Equal(HandlingModes.DoorToDoor, cases.Single(c => c.Id == v.CaseId).Mode));
    }

    [Fact]
    public async Task The_seeder_rolls_up_the_statistics_of_the_seeded_days_and_the_roll_up_equals_the_cases()
    {
        var cases = await HistoryAsync();
        var days = cases.Select(c => CaseStatsDay.Of(c.ReceivedAt)).Distinct().ToList();
        var (computed, marked, rolled) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ServiceDeskDbContext>();
            var computed = await db.CaseStatsDays.Select(d => d.Day).ToListAsync();
            var marked = await db.CaseStatsChanges.Select(c => c.Day).Distinct().ToListAsync();
            var rolled = await db.CaseDailyStats.Where(s => s.Dimension == CaseStatsDimension.Community).GroupBy(s => s.Day)
                .Select(g => new { g.Key, Received = g.Sum(s => s.Received) }).ToDictionaryAsync(x => x.Key, x => x.Received);
            return (computed.ToHashSet(), marked.ToHashSet(), rolled);
        });
        Assert.All(days, d => Assert.Contains(d, computed));
        // Other tests of the shared city may add cases later; a day they changed is marked, every other day's rows hold its cases.
        var all = await city.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().AsNoTracking()
            .Select(c => c.ReceivedAt).ToListAsync());
        var perDay = all.GroupBy(CaseStatsDay.Of).ToDictionary(g => g.Key, g => g.Count());
        var checkedDays = days.Where(d => !marked.Contains(d)).ToList();
        Assert.NotEmpty(checkedDays);
        foreach (var d in checkedDays) Assert.Equal(perDay.GetValueOrDefault(d), rolled.GetValueOrDefault(d));
    }

    [Fact]
    public async Task Every_seeded_history_is_a_walk_the_transition_table_allows_ending_in_the_cases_state()
    {
        var cases = await HistoryAsync();
        Assert.NotEmpty(cases);
        foreach (var c in cases)
        {
            var steps = c.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).ToList();
            Assert.Null(steps[0].FromState);
            Assert.Equal(CaseState.Received, steps[0].ToState);
            var state = CaseState.Received;
            foreach (var s in steps.Skip(1))
            {
                Assert.Equal(state, s.FromState);
                var legal = Enum.GetValues<CaseAction>().Any(a => CaseTransitions.Next(state, a) == s.ToState);
                Assert.True(legal, $"case {c.Number}: {state} → {s.ToState} is not in the transition table");
                state = s.ToState;
            }
            Assert.Equal(c.State, state);
            Assert.Equal(c.AcceptedAt is not null, c.Steps.Any(s => s.ToState == CaseState.Accepted));
        }
    }

    [Fact]
    public async Task Due_dates_come_after_receipt_and_open_cases_keep_their_due_times_for_the_watcher()
    {
        var cases = await HistoryAsync();
        foreach (var c in cases)
        {
            if (c.DueAt is { } due) Assert.True(due > c.ReceivedAt, $"case {c.Number} is due before it was received");
            if (c.DecidedAt is { } decided) Assert.True(decided >= c.ReceivedAt);
            if (c.AcceptedAt is { } accepted) Assert.True(accepted >= c.ReceivedAt);
            if (c.State is CaseState.NotAccepted or CaseState.Approved or CaseState.Rejected or CaseState.HandedOver) Assert.Null(c.DueAt);
        }
        var open = cases.Where(c => c.DecidedAt is null).Select(c => c.Id).ToHashSet();
        Assert.NotEmpty(open);
        var dues = await city.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().CaseDueTimes.AsNoTracking()
            .Where(d => d.Kind == CaseDueKind.Limit && d.ClosedAt == null).ToListAsync());
        var limited = dues.Where(d => open.Contains(d.CaseId)).ToDictionary(d => d.CaseId);
        var byId = cases.ToDictionary(c => c.Id);
        foreach (var id in open)
        {
            Assert.True(limited.TryGetValue(id, out var limit), $"open case {byId[id].Number} has no limit to watch");
            Assert.True(limit.DueAt > byId[id].ReceivedAt);
            Assert.Equal(byId[id].State is CaseState.AwaitingCompletion or CaseState.Suspended, limit.PausedAt is not null);
        }
    }
}
