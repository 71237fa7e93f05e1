using System.Net;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Requests;

/// <summary>
/// An installation upgraded in place to stopped clocks and the platform's inbox, on both databases: the database is taken
/// back to the migration before (a suspended ticket's finish deadline closed, the messages in the module's own inbox,
/// the platform's inbox empty, as they were), then migrated again — every message is still there, with its id and read
/// mark, and the suspended ticket resumes with the office time it had left.
/// </summary>
public sealed class DeadlineUpgradeTests : IAsyncLifetime
{
    private const string Before = "DuplicatesBoxIndex";

    // Tuesday 10 Nov 2026, 10:00 China time: an ordinary working morning.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(WorkingCalendar.ToUtc(new DateTime(2026, 11, 10, 10, 0, 0)), TimeSpan.Zero));
    private LinliFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new LinliFactory
        {
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(_clock);
                s.Configure<RequestsOptions>(o => o.RunJobs = false);
            },
        };
        _ = _app.Server;
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
        await _app.CreateUserAsync("resident", Roles.Resident);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static DateTime China(int m, int d, int h, int min = 0) => WorkingCalendar.ToUtc(new DateTime(2026, m, d, h, min, 0));

    private static string Table(string module, string table) => TestDatabase.IsPostgres ? $"{module}.{table}" : $"{module}_{table}";

#pragma warning disable EF1002 // table names and a number written by the test itself
    private Task<long> CountAsync(string sql) => _app.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM {sql}").SingleAsync());
#pragma warning restore EF1002

    private Task MigrateRequestsAsync(string? target) => _app.WithScopeAsync(async sp =>
    {
        await sp.GetRequiredService<RequestsDbContext>().GetService<IMigrator>().MigrateAsync(target);
        return 0;
    });

    private static IEnumerable<string> Items(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(m =>
            $"{m.GetProperty("id").GetInt64()} {m.GetProperty("subject").GetString()} {m.GetProperty("aboutKind").GetString()} {m.GetProperty("aboutId").GetInt64()} " +
            $"{(m.GetProperty("readAt").ValueKind == JsonValueKind.Null ? "unread" : "read")}");

    [Fact]
    public async Task Every_message_and_a_suspended_tickets_clock_survive_the_upgrade()
    {
        // A resident's ticket, dispatched, signed and suspended at once; its notices delivered, one of them read.
        var resident = await _app.ClientForAsync("resident");
        var water = await _app.ClientForAsync("dept.water");
        var id = (await resident.FileAsync(await RequestsApi.NewLeafAsync(_app, "water"), phone: null)).Id();
        await (await _app.ClientForAsync("hotline")).OkAsync(id, "dispatch");
        await water.OkAsync(id, "sign");
        var suspended = await water.OkAsync(id, "suspend", new { reason = "等待业主回家" });
        Assert.Equal(China(11, 17, 17, 30), suspended.GetProperty("finishDueAt").GetDateTime().ToUniversalTime());
        await _app.Services.GetRequiredService<NotificationSender>().RunOnceAsync();
        var first = (await (await resident.GetAsync("/api/inbox")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Last().GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await resident.PostAsync($"/api/inbox/{first}/read", null)).StatusCode);
        var residentBefore = Items(await (await resident.GetAsync("/api/inbox")).Json(HttpStatusCode.OK)).ToList();
        var waterBefore = Items(await (await water.GetAsync("/api/inbox")).Json(HttpStatusCode.OK)).ToList();
        Assert.Equal(4, residentBefore.Count); // received, dispatched, in progress, suspended
        Assert.Contains(residentBefore, m => m.EndsWith(" read", StringComparison.Ordinal));

        // Back to the schema before, with the platform's inbox empty as it was then.
        await MigrateRequestsAsync(Before);
        Assert.Equal(residentBefore.Count + waterBefore.Count, await CountAsync(Table("requests", "inbox")));
        Assert.Equal(0, await CountAsync($"{Table("requests", "deadlines")} WHERE ticket_id = {id} AND kind = 2 AND closed_at IS NULL"));
        await _app.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Inbox.ExecuteDeleteAsync());

        await MigrateRequestsAsync(null);

        Assert.Equal(residentBefore, Items(await (await resident.GetAsync("/api/inbox")).Json(HttpStatusCode.OK)));
        Assert.Equal(waterBefore, Items(await (await water.GetAsync("/api/inbox")).Json(HttpStatusCode.OK)));
        var stopped = await _app.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Deadlines.AsNoTracking()
            .SingleAsync(d => d.TicketId == id && d.Kind == DeadlineKind.Finish && d.ClosedAt == null));
        Assert.Equal((_clock.GetUtcNow().UtcDateTime, China(11, 17, 17, 30), (TimeSpan?)null), (stopped.PausedAt!.Value, stopped.DueAt, stopped.Remaining));

        // Resumed Thursday 12 Nov 15:00 with the 52.5 office hours it had left: Friday 20 Nov, 13:30.
        _clock.SetUtcNow(new DateTimeOffset(China(11, 12, 15), TimeSpan.Zero));
        (water, resident) = (await _app.ClientForAsync("dept.water"), await _app.ClientForAsync("resident")); // tokens last an hour
        var resumed = await water.OkAsync(id, "resume", new { reason = "业主已回" });
        Assert.Equal(China(11, 20, 13, 30), resumed.GetProperty("finishDueAt").GetDateTime().ToUniversalTime());

        // New messages are numbered after the ones carried over.
        await _app.Services.GetRequiredService<NotificationSender>().RunOnceAsync();
        var newest = (await (await resident.GetAsync("/api/inbox")).Json(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("诉求恢复办理", newest.GetProperty("subject").GetString());
        Assert.True(newest.GetProperty("id").GetInt64() > residentBefore.Concat(waterBefore).Max(m => long.Parse(m.Split(' ')[0])));
    }
}
