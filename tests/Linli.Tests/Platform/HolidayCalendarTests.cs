using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Platform;

/// <summary>
/// Next year's holidays entered by an administrator in the page (no JavaScript: plain forms): open deadlines move by the
/// new holiday, the change is audited, /health turns healthy, and another instance on the database follows.
/// </summary>
public sealed class HolidayCalendarTests : IAsyncLifetime
{
    // Wednesday 30 Dec 2026, 10:00 China time: the shipped holidays end with this year.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(WorkingCalendar.ToUtc(new DateTime(2026, 12, 30, 10, 0, 0)), TimeSpan.Zero));
    private readonly FailOnce _flaky = new();
    private LinliFactory _app = null!;

    private void Services(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.Configure<RequestsOptions>(o => o.RunJobs = false);
        // A second module after Requests' own handler, which fails when told to: the change must then finish later, once.
        services.AddSingleton<IWorkingCalendarChangeHandler>(_flaky);
    }

    public async Task InitializeAsync()
    {
        _app = new LinliFactory { TestServices = Services };
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("supervisor", Roles.Supervisor, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static DateTime China(int y, int m, int d, int h = 0, int min = 0) => WorkingCalendar.ToUtc(new DateTime(y, m, d, h, min, 0));

    /// <summary>A water ticket dispatched now: finish within 5 working days (Thu 31, Fri 1 Jan, Mon 4, Tue 5, Wed 6 Jan 2027).</summary>
    private async Task<long> DispatchedTicketAsync()
    {
        var category = await RequestsApi.NewLeafAsync(_app, "water");
        var hotline = await _app.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(category)).Id();
        await hotline.OkAsync(id, "dispatch");
        return id;
    }

    private async Task<(DateTime? Ticket, DateTime Deadline)> FinishDueAsync(long id) =>
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var ticket = await db.Tickets.IgnoreQueryFilters().AsNoTracking().FirstAsync(t => t.Id == id);
            var deadline = await db.Deadlines.AsNoTracking().SingleAsync(d => d.TicketId == id && d.Kind == DeadlineKind.Finish && d.ClosedAt == null);
            return (ticket.FinishDueAt, deadline.DueAt);
        });

    private async Task<string> HealthAsync() =>
        (await _app.CreateClient().GetFromJsonAsync<JsonElement>("/health")).GetProperty("checks").GetProperty("calendar").GetProperty("status").GetString()!;

    private static async Task<HttpResponseMessage> EnterAsync(PageClient admin, string from, string? to, string kind, string name) =>
        await admin.SubmitAsync("/admin/holidays?year=2027", new() { ["Year"] = "2027", ["From"] = from, ["To"] = to ?? "", ["Kind"] = kind, ["Name"] = name },
            "/admin/holidays?handler=Add");

    [Fact]
    public async Task A_ticket_dispatched_before_a_new_holiday_is_entered_has_its_finish_deadline_moved_by_it_and_health_turns_healthy()
    {
        var id = await DispatchedTicketAsync();
        Assert.Equal(China(2027, 1, 6, 17, 30), (await FinishDueAsync(id)).Deadline);
        Assert.Equal("Degraded", await HealthAsync());

        var admin = await PageClient.SignedInAsync(_app, "admin");
        var saved = await EnterAsync(admin, "2027-01-01", null, "Holiday", "元旦");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // New Year's Day 2027 (a Friday) is off: the fifth working day is Thursday 7 Jan, in the ticket and the stored deadline.
        var (ticket, deadline) = await FinishDueAsync(id);
        Assert.Equal(China(2027, 1, 7, 17, 30), deadline);
        Assert.Equal(deadline, ticket);
        Assert.Equal("Healthy", await HealthAsync());
        var (_, page) = await admin.GetAsync("/admin/holidays?year=2027");
        Assert.Contains("2027-01-01", page);
        Assert.Contains("来源：管理员录入", page);

        // Who changed what is in the audit log.
        var supervisor = await _app.ClientForAsync("supervisor");
        var audit = await supervisor.GetFromJsonAsync<JsonElement>("/api/audit?subjectType=holiday-calendar&subjectId=2027");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal(AuditActions.HolidayCalendarChanged, entry.GetProperty("action").GetString());
        Assert.Equal("admin", entry.GetProperty("userName").GetString());

        // A Saturday worked instead (2 Jan) entered later brings it forward again: Thu 31, Sat 2, Mon 4, Tue 5, Wed 6.
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(admin, "2027-01-02", null, "Workday", "元旦调休")).StatusCode);
        Assert.Equal(China(2027, 1, 6, 17, 30), (await FinishDueAsync(id)).Deadline);
    }

    [Fact]
    public async Task A_refused_entry_names_the_problem_and_keeps_what_was_typed()
    {
        var admin = await PageClient.SignedInAsync(_app, "admin");
        var response = await EnterAsync(admin, "2027-02-22", null, "Workday", "春节调休"); // a Monday
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("2027-02-22 不是周末，不能设为调休上班日。", html);
        Assert.Contains("value=\"春节调休\"", html);
        Assert.Equal(2026, _app.Services.GetRequiredService<WorkingCalendar>().LastKnownYear);
    }

    [Fact]
    public async Task The_notice_imported_from_the_template_format_takes_effect_and_exports_again()
    {
        var admin = await PageClient.SignedInAsync(_app, "admin");
        var template = await admin.Http.GetAsync("/admin/holidays?handler=Template&format=csv&year=2027");
        Assert.Equal("text/csv", template.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(HolidayFile.CsvHeader, Encoding.UTF8.GetString(await template.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));

        var csv = "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday,春节\n2027-02-07,holiday,春节\n2027-02-08,holiday,春节\n2027-02-20,workday,春节\n";
        var response = await ImportAsync(admin, "notice-2027.csv", csv);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var calendar = _app.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(2027, calendar.LastKnownYear);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 2, 8)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 2, 20)));
        Assert.Equal("Healthy", await HealthAsync());

        var json = await admin.Http.GetStringAsync("/admin/holidays?handler=Template&format=json&year=2027");
        Assert.Equal(5, HolidayFile.ParseJson(new MemoryStream(Encoding.UTF8.GetBytes(json))).Entries.Count);

        // A bad file is refused whole, with its line.
        var bad = await ImportAsync(admin, "bad.csv", "date,kind,name\n2027-03-01,holiday,x\n2027-03-0x,holiday,y\n");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("第 3 行", System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 3, 1)));
    }

    private static async Task<HttpResponseMessage> ImportAsync(PageClient admin, string fileName, string content)
    {
        var (_, html) = await admin.GetAsync("/admin/holidays?year=2027");
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2027"), "Year" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(content)), "Upload", fileName },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/holidays?handler=Import") { Content = form };
        request.Headers.Accept.ParseAdd("text/html");
        return await admin.Http.SendAsync(request);
    }

    [Fact]
    public async Task An_interrupted_recomputation_finishes_on_the_next_pass_and_moves_each_deadline_once()
    {
        var id = await DispatchedTicketAsync();
        _flaky.Fail = true;
        var holidays = _app.Services.GetRequiredService<HolidayCalendar>();
        await _app.WithScopeAsync(async _ =>
            await holidays.SaveYearAsync(2027, [new HolidayEntry(new DateOnly(2027, 1, 1), HolidayKind.Holiday, "元旦")], "测试", CancellationToken.None));
        // Requests moved its deadlines; the other module failed: the revision is not in effect yet.
        Assert.Equal(China(2027, 1, 7, 17, 30), (await FinishDueAsync(id)).Deadline);
        var calendar = _app.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(2026, calendar.LastKnownYear);

        _flaky.Fail = false;
        await holidays.ApplyPendingAsync(); // the refresh job's pass (here, or on any other instance)
        Assert.Equal(2027, calendar.LastKnownYear);
        Assert.Equal(China(2027, 1, 7, 17, 30), (await FinishDueAsync(id)).Deadline); // not moved a second time
        Assert.Equal(2, _flaky.Calls);
    }

    [Fact]
    public async Task Another_instance_on_the_database_takes_the_new_holidays_on_its_next_refresh_without_moving_deadlines_again()
    {
        var id = await DispatchedTicketAsync();
        await using var other = LinliFactory.Beside(_app, Services);
        var otherCalendar = other.Services.GetRequiredService<WorkingCalendar>();
        Assert.Equal(2026, otherCalendar.LastKnownYear);

        var admin = await PageClient.SignedInAsync(_app, "admin");
        Assert.Equal(HttpStatusCode.Redirect, (await EnterAsync(admin, "2027-01-01", null, "Holiday", "元旦")).StatusCode);
        await other.Services.GetRequiredService<HolidayCalendar>().ApplyPendingAsync();

        Assert.Equal(2027, otherCalendar.LastKnownYear);
        Assert.False(otherCalendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.Equal(China(2027, 1, 7, 17, 30), (await FinishDueAsync(id)).Deadline);
        // A ticket dispatched on the other instance now counts the new holiday from the start.
        var category = await RequestsApi.NewLeafAsync(other, "water");
        var hotline = await other.ClientForAsync("hotline");
        var second = (await hotline.FileAsync(category, description: "水表漏水")).Id();
        var dispatched = await hotline.OkAsync(second, "dispatch");
        Assert.Equal(China(2027, 1, 7, 17, 30), dispatched.GetProperty("finishDueAt").GetDateTime().ToUniversalTime());
    }

    /// <summary>A module's handler that fails while <see cref="Fail"/> is set.</summary>
    private sealed class FailOnce : IWorkingCalendarChangeHandler
    {
        public bool Fail { get; set; }
        public int Calls { get; private set; }
        public string Name => "tests.fail-once";

        public Task<int> ApplyAsync(WorkingCalendarChange change, CancellationToken cancellationToken)
        {
            Calls++;
            return Fail ? throw new InvalidOperationException("interrupted") : Task.FromResult(0);
        }
    }
}
