using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Metrics;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Requests;

/// <summary>
/// The metrics' daily roll-up stays equal to a recount of the tickets: after every kind of ticket action, on the day of
/// filing and on later days, before and after the roll-up job runs, and as unsigned tickets pass their sign deadline with
/// no action at all. Jobs are off; the test runs the deadline watcher and the roll-up when it says.
/// </summary>
public sealed class MetricsRollupTests : IAsyncLifetime
{
    private sealed class QuietFactory : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Requests:RunJobs", "false")];
    }

    // Monday 2 November 2026, 09:00 China time.
    private static readonly DateTime T0 = WorkingCalendar.ToUtc(new DateTime(2026, 11, 2, 9, 0, 0));
    private static readonly DateOnly Day0 = new(2026, 11, 2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(T0, TimeSpan.Zero));
    private LinliFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new QuietFactory { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
        _ = _app.Server;
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("cw.a", Roles.CommunityWorker, CityFixture.CommunityA);
        await _app.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private void At(int day, int hour) => _clock.SetUtcNow(new DateTimeOffset(T0.AddDays(day).AddHours(hour - 9), TimeSpan.Zero));

    private async Task<(HttpClient Hotline, HttpClient Community, HttpClient Water)> ClientsAsync() =>
        (await _app.ClientForAsync("hotline"), await _app.ClientForAsync("cw.a"), await _app.ClientForAsync("dept.water"));

    [Fact]
    public async Task The_roll_up_equals_a_recount_after_every_kind_of_ticket_action()
    {
        var local = await RequestsApi.NewLeafAsync(_app);
        var water = await RequestsApi.NewLeafAsync(_app, "water");
        var (hotline, cw, dept) = await ClientsAsync();
        var t = new long[14];
        for (var i = 1; i <= 13; i++) t[i] = (await hotline.FileAsync(i is 3 or 9 ? water : local, description: $"T{i}")).Id();
        foreach (var i in new[] { 1, 2, 6, 7, 8, 9, 10, 11, 12 }) await hotline.OkAsync(t[i], "dispatch", new { unitCode = "community" });
        foreach (var i in new[] { 1, 2, 6, 7, 8, 9 }) await cw.OkAsync(t[i], "sign");
        foreach (var i in new[] { 1, 2 }) await cw.OkAsync(t[i], "reply", new { reply = "已处理" });
        await hotline.OkAsync(t[1], "evaluate", new { rating = "Satisfied" });
        await hotline.OkAsync(t[2], "evaluate", new { rating = "Dissatisfied" }); // reopened under supervision
        await hotline.OkAsync(t[3], "dispatch");
        await dept.OkAsync(t[3], "return", new { reason = "不属于本部门" });
        await hotline.OkAsync(t[4], "close", new { opinion = "已电话答复" });
        await hotline.OkAsync(t[5], "merge", new { intoTicketId = t[2] });
        await cw.OkAsync(t[6], "extension", new { days = 3, reason = "需要采购配件" });
        await hotline.OkAsync(t[6], "extension/decision", new { approve = true });
        await cw.OkAsync(t[7], "suspend", new { reason = "等待业主回家" });
        await cw.OkAsync(t[8], "suspend", new { reason = "等待业主回家" });
        await cw.OkAsync(t[8], "resume", new { reason = "业主已回" });
        await cw.OkAsync(t[9], "whistle", new { departmentCodes = new[] { "water" } });
        await dept.OkAsync(t[9], "report-in", new { report = "已到现场处置" });
        await AssertRollupEqualsRecountAsync("on the day of filing (counted live)");

        // Next day: the watcher marks the unsigned ones overdue; before the roll-up runs the day is counted live, after it
        // from its rows.
        At(1, 10);
        (hotline, cw, _) = await ClientsAsync();
        await _app.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();
        await AssertRollupEqualsRecountAsync("changed, not yet rolled up");
        Assert.True(await _app.Services.GetRequiredService<TicketStatsRollup>().RunOnceAsync(CancellationToken.None) >= 1);
        await AssertRolledUpAsync();
        await AssertRollupEqualsRecountAsync("rolled up");

        // Actions on the earlier day's tickets mark it changed again: equal before and after the job.
        await cw.OkAsync(t[7], "resume", new { reason = "业主已回" });
        await cw.OkAsync(t[7], "reply", new { reply = "已处理" });
        await hotline.OkAsync(t[7], "evaluate", new { rating = "BasicallySatisfied" });
        await cw.OkAsync(t[6], "reply", new { reply = "已修好" });
        await cw.OkAsync(t[10], "sign"); // late
        await hotline.OkAsync(t[3], "dispatch", new { unitCode = "community" });
        await cw.OkAsync(t[2], "sign");
        await cw.OkAsync(t[2], "reply", new { reply = "重新修好" });
        await hotline.OkAsync(t[2], "evaluate", new { rating = "Satisfied" });
        await cw.OkAsync(t[12], "return", new { reason = "不属于本社区" });
        await hotline.OkAsync(t[13], "close", new { opinion = "已电话答复" });
        await AssertRollupEqualsRecountAsync("changed again");
        await _app.Services.GetRequiredService<TicketStatsRollup>().RunOnceAsync(CancellationToken.None);
        await AssertRolledUpAsync();
        await AssertRollupEqualsRecountAsync("rolled up again");

        // Nothing happens but time: T11, dispatched and never signed, was due long ago; a ticket dispatched today is due
        // tomorrow. Two days on, both are due without any action or recomputation.
        var fresh = (await hotline.FileAsync(local, description: "T14")).Id();
        await hotline.OkAsync(fresh, "dispatch", new { unitCode = "community" });
        At(3, 10);
        await AssertRollupEqualsRecountAsync("two days later, nothing recomputed");
    }

    private async Task AssertRolledUpAsync()
    {
        var (rolled, marks, counts) = await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            return (await db.TicketStatsDays.AnyAsync(d => d.Day == Day0), await db.TicketStatsChanges.CountAsync(c => c.Day == Day0),
                (await db.TicketDailyStats.Where(s => s.Day == Day0 && s.Dimension < StatsDimension.StreetMonth).ToListAsync())
                    .GroupBy(s => s.Dimension).Select(g => new { g.Key, Count = g.Sum(s => s.Count), Regions = g.Select(s => s.Region).Distinct().ToList() })
                    .ToList());
        });
        Assert.True(rolled);
        Assert.Equal(0, marks);
        // The day's rows hold the day's tickets in every dimension: per street, and per category and unit by city and by district.
        Assert.Equal(Enum.GetValues<StatsDimension>().Where(d => d < StatsDimension.StreetMonth).Order(), counts.Select(c => c.Key).Order());
        Assert.All(counts, c => Assert.Equal(13, c.Count));
        Assert.All(counts.Single(c => c.Key == StatsDimension.CategoryByDistrict).Regions, r => Assert.Equal(6, r.Length));
        Assert.All(counts.Single(c => c.Key == StatsDimension.Unit).Regions, r => Assert.Equal(4, r.Length));
    }

    private async Task AssertRollupEqualsRecountAsync(string when)
    {
        var today = WorkingCalendar.ChinaDay(_clock.GetUtcNow().UtcDateTime);
        foreach (var group in Enum.GetValues<MetricsGroup>())
        foreach (var region in new string?[] { null, "2101", "210102" })
        foreach (var (from, to) in new[] { (Day0, today), (Day0.AddDays(-40), today.AddDays(3)), (Day0, Day0) })
        {
            var filter = new MetricsFilter(group, from, to, region);
            var rolled = await ComputeAsync(filter, rollup: true);
            var recount = await ComputeAsync(filter, rollup: false);
            var label = $"{when}: {group} {region ?? "all"} {from}…{to}";
            Assert.True(Same(recount.Total, rolled.Total), $"{label}: total {recount.Total} vs {rolled.Total}");
            Assert.Equal(recount.Rows.Count, rolled.Rows.Count);
            foreach (var (a, b) in recount.Rows.Zip(rolled.Rows)) Assert.True(Same(a, b), $"{label}: {a} vs {b}");
        }
        // The page's rankings after its report, from the passes that request already made, equal rankings computed alone.
        foreach (var group in Enum.GetValues<MetricsGroup>())
        foreach (var region in new string?[] { null, "210102" })
        {
            var filter = new MetricsFilter(group, Day0.AddDays(-40), today, region);
            var shared = await _app.WithScopeAsync(async sp =>
            {
                var metrics = sp.GetRequiredService<RequestMetrics>();
                await metrics.ComputeAsync(filter, CancellationToken.None);
                return await metrics.RankAsync(filter, "finish", CancellationToken.None);
            });
            var alone = await _app.WithScopeAsync(sp => sp.GetRequiredService<RequestMetrics>().RankAsync(filter, "finish", CancellationToken.None));
            Assert.Equal(alone.Streets, shared.Streets);
            Assert.Equal(alone.Departments, shared.Departments);
        }
        var all = await ComputeAsync(new MetricsFilter(MetricsGroup.Unit, Day0, today, null), rollup: true);
        Assert.True(all.Total.Count >= 13, when);
    }

    private static bool Same(MetricsRow a, MetricsRow b) =>
        a with { AverageHours = null } == b with { AverageHours = null }
        && (a.AverageHours is null) == (b.AverageHours is null)
        && Math.Abs((a.AverageHours ?? 0) - (b.AverageHours ?? 0)) < 0.011;

    private Task<MetricsReport> ComputeAsync(MetricsFilter filter, bool rollup) => _app.WithScopeAsync(async sp =>
    {
        var metrics = sp.GetRequiredService<RequestMetrics>();
        metrics.UseRollup = rollup;
        return await metrics.ComputeAsync(filter, CancellationToken.None);
    });
}
