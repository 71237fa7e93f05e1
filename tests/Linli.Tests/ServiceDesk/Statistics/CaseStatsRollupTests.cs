using System.Text.Json;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Features.Statistics;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Ui;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.ServiceDesk.Statistics;

/// <summary>
/// The statistics' daily roll-up keeps the figures equal to a recount of the cases: before the roll-up job has run (every
/// day counted live), after it (whole days and months from the roll-up), after cases of a rolled-up day change (that day
/// counted live until the job recomputes it), and when the next day begins. Every grouping, for the city, a district,
/// a street, a community and a department's scope. Jobs are off; the test runs the roll-up when it says.
/// </summary>
public sealed class CaseStatsRollupTests : IAsyncLifetime
{
    private sealed class QuietFactory : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("ServiceDesk:Cases:RunJobs", "false")];
    }

    private sealed record Scope(string? RegionPrefix, string? DepartmentCode = null) : IAreaScope
    {
        public string? UserId => "test";
        public string? UserName => "test";
    }

    // Monday 2 November 2026, 09:00 China time.
    private static readonly DateTime T0 = WorkingCalendar.ToUtc(new DateTime(2026, 11, 2, 9, 0, 0));
    private static readonly DateOnly Day0 = new(2026, 11, 2);
    private const string A = "210102001002", B = "210102002001", V = "210181001201";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(T0, TimeSpan.Zero));
    private LinliFactory _app = null!;
    private long _itemA, _versionA, _itemB, _versionB;
    private int _number;

    public async Task InitializeAsync()
    {
        _app = new QuietFactory { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
        _ = _app.Server;
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ServiceDeskDbContext>();
            static ServiceItem Item(string code, string department) => new()
            {
                Code = code, Name = "统计测试事项 " + code, CreatedAt = T0,
                Versions =
                [
                    new ServiceItemVersion
                    {
                        Number = 1, State = ItemVersionState.Published, Name = "统计测试事项 " + code, DepartmentCode = department, LegalBasis = "测试依据",
                        Conditions = "本市居民", LegalLimitDays = 20, PromisedLimitDays = 10, Modes = HandlingModes.Window | HandlingModes.Proxy, CityWide = true,
                        CommunitySteps = CommunitySteps.Receive | CommunitySteps.Accept | CommunitySteps.HandOver, CreatedAt = T0, PublishedAt = T0,
                    },
                ],
            };
            var a = Item("STATS-A", "civil-affairs");
            var b = Item("STATS-B", "housing");
            db.ServiceItems.AddRange(a, b);
            await db.SaveChangesAsync();
            (a.PublishedVersionId, b.PublishedVersionId) = (a.Versions[0].Id, b.Versions[0].Id);
            await db.SaveChangesAsync();
            (_itemA, _versionA, _itemB, _versionB) = (a.Id, a.Versions[0].Id, b.Id, b.Versions[0].Id);
            return 0;
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static DateTime On(DateOnly day, int hour) => WorkingCalendar.ToUtc(day.ToDateTime(new TimeOnly(hour, 0)));

    private ServiceCase Case(DateOnly day, int hour, string accepting, string home, bool itemB = false, CaseState state = CaseState.Accepted,
        bool decided = false, bool overdue = false, double? days = null, bool noticed = false, double? wait = null, HandlingModes mode = HandlingModes.Window)
    {
        var at = On(day, hour);
        var n = ++_number;
        return new ServiceCase
        {
            Number = $"S{day:yyyyMMdd}{n:D6}", ItemId = itemB ? _itemB : _itemA, ItemVersionId = itemB ? _versionB : _versionA, State = state,
            ApplicantName = "测试申请人", ApplicantIdCipher = [1], ApplicantIdHash = [(byte)n, 7], ApplicantIdMasked = "2101**********0000",
            AcceptingCommunityCode = accepting, HomeCommunityCode = home, DepartmentCode = itemB ? "housing" : "civil-affairs", OwnerUserId = "seed", OwnerName = "测试",
            Mode = mode, ReceivedAt = at, AcceptedAt = state == CaseState.NotAccepted ? null : at, DecidedAt = decided ? at.AddDays(3) : null, IsOverdue = overdue,
            WorkingDaysTaken = days, NoticedAt = noticed ? at.AddHours(1) : null, WaitingDays = wait, UpdatedAt = at,
        };
    }

    private static CaseRating Rating(ServiceCase c, RatingLevel level, bool followedUp = false, bool followUpOverdue = false) => new()
    {
        CaseId = c.Id, Stage = CaseState.HandedOver, Level = level, RatedAt = c.ReceivedAt.AddDays(4), AcceptingCommunityCode = c.AcceptingCommunityCode,
        FollowUpDueAt = level <= RatingLevel.Dissatisfied ? c.ReceivedAt.AddDays(9) : null, FollowUpAt = followedUp ? c.ReceivedAt.AddDays(5) : null,
        FollowUpNote = followedUp ? "已回访" : null, FollowUpOverdue = followUpOverdue,
    };

    private Task SaveAsync(Func<ServiceDeskDbContext, Task> change) => _app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ServiceDeskDbContext>();
        await change(db);
        await db.SaveChangesAsync();
        return 0;
    });

    private Task<int> RollUpAsync() => _app.Services.GetRequiredService<CaseStatsRollup>().RunOnceAsync(CancellationToken.None);

    private Task<T> ReadAsync<T>(Func<ServiceDeskDbContext, Task<T>> read) => _app.WithScopeAsync(sp => read(sp.GetRequiredService<ServiceDeskDbContext>()));

    [Fact]
    public async Task The_statistics_equal_a_recount_before_and_after_the_roll_up_and_after_a_rolled_up_day_changes()
    {
        var october = new DateOnly(2026, 10, 1);
        var yesterday = Day0.AddDays(-1);
        ServiceCase[] cases = [];
        await SaveAsync(async db =>
        {
            cases =
            [
                // A whole month before (read from its month rows once rolled up).
                Case(october, 10, A, A, decided: true, days: 4), Case(october.AddDays(12), 15, A, B, itemB: true, mode: HandlingModes.Proxy),
                Case(october.AddDays(30), 23, V, A, decided: true, overdue: true, days: 12.5), // 31 Oct 23:00 China time: still October
                // Three days ago (30 October, so the month has 5), yesterday (one just before midnight China time), and today.
                Case(Day0.AddDays(-3), 9, B, B, state: CaseState.NotAccepted), Case(Day0.AddDays(-3), 11, A, A, noticed: true, wait: 1.5, itemB: true),
                Case(yesterday, 9, A, A, decided: true, days: 2.25), Case(yesterday, 10, A, B), Case(yesterday, 23, V, V, itemB: true, noticed: true),
                Case(Day0, 9, A, A), Case(Day0, 9, B, A, itemB: true),
            ];
            db.ServiceCases.AddRange(cases);
            await db.SaveChangesAsync();
            db.CaseRatings.AddRange(Rating(cases[0], RatingLevel.VerySatisfied), Rating(cases[2], RatingLevel.Dissatisfied, followedUp: true),
                Rating(cases[5], RatingLevel.VeryDissatisfied, followUpOverdue: true), Rating(cases[9], RatingLevel.Satisfied));
        });
        // Adding cases of earlier days marked those days changed, in the same save; today is counted live anyway.
        var marked = await ReadAsync(db => db.CaseStatsChanges.Select(c => c.Day).Distinct().ToListAsync());
        Assert.Contains(yesterday, marked);
        Assert.Contains(october, marked);
        Assert.DoesNotContain(Day0, marked);
        await AssertEqualsRecountAsync("before the roll-up");
        await AssertDirectCountAsync(yesterday, A, 2);

        Assert.True(await RollUpAsync() >= 32, "every day from the first case's to yesterday is computed");
        Assert.Equal(0, await ReadAsync(db => db.CaseStatsChanges.CountAsync()));
        Assert.Equal(3, await RolledUpReceivedAsync(yesterday));
        Assert.Equal(5, await ReadAsync(db => db.CaseDailyStats.Where(s => s.Day == october && s.Dimension == CaseStatsDimension.CommunityMonth).SumAsync(s => s.Received)));
        await AssertEqualsRecountAsync("rolled up");

        // Yesterday's cases change after the roll-up: one is decided late, one moves to another community, one is rated poorly
        // (a save of the rating alone), and a case received yesterday is registered late. The day's rows are out of date
        // until the job runs again; the figures are not.
        await SaveAsync(async db =>
        {
            var decided = await db.ServiceCases.SingleAsync(c => c.Id == cases[6].Id);
            (decided.DecidedAt, decided.IsOverdue, decided.WorkingDaysTaken, decided.State) = (T0, true, 11.75, CaseState.Approved);
            var moved = await db.ServiceCases.SingleAsync(c => c.Id == cases[7].Id);
            moved.AcceptingCommunityCode = B;
            db.ServiceCases.Add(Case(yesterday, 16, A, A, decided: true, days: 0.5, mode: HandlingModes.Proxy));
        });
        await SaveAsync(db =>
        {
            db.CaseRatings.Add(Rating(cases[6], RatingLevel.Dissatisfied, followedUp: true));
            return Task.CompletedTask;
        });
        Assert.Contains(yesterday, await ReadAsync(db => db.CaseStatsChanges.Select(c => c.Day).ToListAsync()));
        Assert.Equal(3, await RolledUpReceivedAsync(yesterday)); // stale: the day now has 4 cases
        await AssertDirectCountAsync(yesterday, A, 3);
        await AssertEqualsRecountAsync("a rolled-up day changed");

        Assert.Equal(1, await RollUpAsync());
        Assert.Equal(4, await RolledUpReceivedAsync(yesterday));
        await AssertEqualsRecountAsync("recomputed");

        // The next morning today's cases become a day before today, not yet rolled up (counted live), then rolled up.
        _clock.SetUtcNow(new DateTimeOffset(T0.AddDays(1).AddHours(1), TimeSpan.Zero));
        await SaveAsync(db =>
        {
            db.ServiceCases.Add(Case(Day0.AddDays(1), 9, V, V));
            return Task.CompletedTask;
        });
        await AssertEqualsRecountAsync("the next day, before the roll-up");
        Assert.Equal(1, await RollUpAsync());
        Assert.Equal(2, await RolledUpReceivedAsync(Day0));
        await AssertEqualsRecountAsync("the next day, rolled up");
    }

    private Task<int> RolledUpReceivedAsync(DateOnly day) =>
        ReadAsync(db => db.CaseDailyStats.Where(s => s.Day == day && s.Dimension == CaseStatsDimension.Community).SumAsync(s => s.Received));

    /// <summary>The community's row of one day against a count of the cases themselves.</summary>
    private async Task AssertDirectCountAsync(DateOnly day, string community, int expected)
    {
        var (from, to) = (Display.ChinaDayStartUtc(day), Display.ChinaDayStartUtc(day.AddDays(1)));
        var counted = await ReadAsync(db => db.ServiceCases.IgnoreQueryFilters().CountAsync(c => c.AcceptingCommunityCode == community && c.ReceivedAt >= from && c.ReceivedAt < to));
        Assert.Equal(expected, counted);
        var rows = await RowsAsync(StatisticsGroup.Community, day, day, null, new Scope(""), rollup: true);
        Assert.Equal(expected, rows.Rows.Single(r => r.Key == community).Received);
    }

    private async Task AssertEqualsRecountAsync(string when)
    {
        var today = DateOnly.FromDateTime(WorkingCalendar.ToChina(_clock.GetUtcNow().UtcDateTime));
        var october = new DateOnly(2026, 10, 1);
        var periods = new[] { (october, today), (october.AddDays(-20), today.AddDays(3)), (Day0.AddDays(-1), Day0.AddDays(-1)), (october, october.AddDays(30)), (Day0.AddDays(-3), today) };
        var views = new (IAreaScope Scope, string? Area)[]
        {
            (new Scope(""), null), (new Scope(""), "210102"), (new Scope(""), "210102001"), (new Scope(""), A), (new Scope("2101"), null),
            (new Scope("210102"), null), (new Scope("210181"), null), (new Scope(A), null), (new Scope(null, "civil-affairs"), null),
        };
        var total = 0;
        foreach (var group in Enum.GetValues<StatisticsGroup>())
        foreach (var (scope, area) in views)
        foreach (var (from, to) in periods)
        {
            var label = $"{when}: {group} {scope.RegionPrefix ?? scope.DepartmentCode}/{area ?? "-"} {from}…{to}";
            var rolled = await RowsAsync(group, from, to, area, scope, rollup: true);
            var recount = await RowsAsync(group, from, to, area, scope, rollup: false);
            var (expected, actual) = (Describe(recount.Rows), Describe(rolled.Rows));
            Assert.True(expected == actual, $"{label}:\n{expected}\n≠ (roll-up)\n{actual}");
            if (group == StatisticsGroup.Community && scope.RegionPrefix == "" && area is null && from == october && to == today) total = rolled.Rows.Sum(r => r.Received);
        }
        Assert.True(total >= 10, $"{when}: the period holds the cases ({total})");
    }

    private static string Describe(IEnumerable<StatisticsRow> rows) => string.Join("\n", rows.Select(r =>
        JsonSerializer.Serialize(r) + $" days={r.WorkingDaysSum}/{r.WorkingDaysCount} wait={r.WaitSum}/{r.WaitCount}"));

    private Task<StatisticsResult> RowsAsync(StatisticsGroup group, DateOnly from, DateOnly to, string? area, IAreaScope scope, bool rollup) =>
        _app.WithScopeAsync(sp => CaseStatistics.RowsAsync(group, from, to, area, scope, sp.GetRequiredService<ServiceDeskDbContext>(),
            sp.GetRequiredService<IRegionDirectory>(), sp.GetRequiredService<IDepartmentDirectory>(), _clock, CancellationToken.None, rollup));
}
