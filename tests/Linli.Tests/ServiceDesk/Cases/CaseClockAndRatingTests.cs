using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Linli.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.ServiceDesk.Cases.ServiceDeskApp;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>
/// The clock of a case on the fake clock (from Monday 2 Nov 2026 09:00): the 5-working-day rule, the stopped clock while
/// waiting for completion, overdue notices to the owner and supervisors, the due lists; and 好差评 with its follow-up.
/// Each test has an application of its own, since it moves the clock.
/// </summary>
public sealed class CaseClockAndRatingTests : IAsyncLifetime
{
    private readonly ServiceDeskApp _desk = new();

    public Task InitializeAsync() => _desk.InitializeAsync();
    public Task DisposeAsync() => _desk.DisposeAsync();

    private static DateTime China(int month, int day, int hour, int minute = 0) => WorkingCalendar.ToUtc(new DateTime(2026, month, day, hour, minute, 0));
    private void MoveTo(DateTime utc) => _desk.Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
    private Task<int> FireAsync() => _desk.App.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();

    private Task<List<string>> MessagesAsync(long caseId) => _desk.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ServiceDeskDbContext>().CaseOutbox.Where(m => m.CaseId == caseId).OrderBy(m => m.Id).Select(m => m.Recipient + " " + m.Subject).ToListAsync());

    [Fact]
    public async Task A_case_without_a_notice_within_5_working_days_of_receipt_counts_as_accepted_from_receipt()
    {
        var received = await _desk.ReceiveAsync(await _desk.NewResidentAsync());
        var id = received.Id();
        MoveTo(China(11, 9, 17, 0)); // Monday after: the fifth working day (Mon 2 Nov received; 3,4,5,6,9) has not ended
        await FireAsync();
        Assert.Equal("Received", (await (await _desk.App.ClientForAsync("cw.village")).GetCaseAsync(id)).State());
        MoveTo(China(11, 9, 17, 31));
        await FireAsync();
        await FireAsync();
        var c = await (await _desk.App.ClientForAsync("cw.village")).GetCaseAsync(id);
        Assert.Equal("Accepted", c.State());
        Assert.True(c.GetProperty("acceptedByLaw").GetBoolean());
        Assert.Equal(received.GetProperty("receivedAt").GetDateTime(), c.GetProperty("acceptedAt").GetDateTime());
        Assert.Single(c.GetProperty("steps").EnumerateArray(), s => s.GetProperty("to").GetString() == "Accepted");
    }

    [Fact]
    public async Task The_limit_stops_while_waiting_for_completion_restarts_after_a_restart_and_overdue_notifies_owner_and_supervisors()
    {
        var village = await _desk.App.ClientForAsync("cw.village");
        var id = (await _desk.ReceiveAsync(await _desk.NewResidentAsync(), received: [])).Id();
        var due = (await village.GetCaseAsync(id)).GetProperty("dueAt").GetDateTime().ToUniversalTime();
        Assert.Equal(China(11, 16, 17, 30), due); // 10 working days after Monday 2 Nov
        await village.OkStepAsync(id, "notice", new { items = new[] { new { materialId = _desk.FormMaterial, problem = "Missing", reason = "未提交" } } });

        // Three weeks waiting for the applicant: nothing falls due meanwhile, across a restart of the application.
        MoveTo(China(11, 23, 9, 0));
        await FireAsync();
        var restarted = new Infrastructure.LinliFactory(_desk.App) { TestServices = s => s.AddSingleton<TimeProvider>(_desk.Clock) };
        await _desk.App.DisposeAsync();
        _ = restarted.Server;
        _desk.App = restarted;
        village = await _desk.App.ClientForAsync("cw.village");
        Assert.Equal("AwaitingCompletion", (await village.GetCaseAsync(id)).State());
        var completed = await village.OkStepAsync(id, "complete", new { received = new[] { _desk.FormMaterial, _desk.IncomeMaterial } });
        // 09:00 Mon 2 Nov to 09:00 Mon 23 Nov stopped: the office time left counts again from now (10 working days less none used but 0 h).
        var restartedDue = completed.GetProperty("dueAt").GetDateTime().ToUniversalTime();
        Assert.Equal(China(12, 7, 17, 30), restartedDue);
        await village.OkStepAsync(id, "accept");
        MoveTo(China(12, 8, 9, 0));
        await FireAsync();
        village = await _desk.App.ClientForAsync("cw.village"); // a fresh sign-in: the fake clock moved past the token's lifetime
        var overdue = await village.GetCaseAsync(id);
        Assert.True(overdue.GetProperty("isOverdue").GetBoolean());
        var messages = await MessagesAsync(id);
        Assert.Contains(messages, m => m.EndsWith(" 办件超期", StringComparison.Ordinal) && m.StartsWith("user:", StringComparison.Ordinal));
        Assert.Contains($"area:{Village[..9]} 办件超期", messages);
        Assert.Contains($"area:{Village[..6]} 办件超期", messages);
        Assert.Contains($"dept:{Department} 办件超期", messages);
        var list = await (await (await _desk.App.ClientForAsync("district.xinmin")).GetAsync("/api/service-cases?due=overdue")).Json(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.Id() == id);
        var homeList = await (await (await _desk.App.ClientForAsync("district.heping")).GetAsync("/api/service-cases?due=overdue")).Json(HttpStatusCode.OK);
        Assert.Contains(homeList.GetProperty("items").EnumerateArray(), i => i.Id() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await village.GetAsync("/api/service-cases?due=tomorrow")).StatusCode);
    }

    [Fact]
    public async Task Two_ratings_of_the_same_stage_at_once_are_one_rating_and_a_409_problem_never_a_500()
    {
        var resident = await _desk.App.ClientForAsync("resident.online");
        var id = (await (await resident.PostAsJsonAsync("/api/service-cases/online", new
        {
            applicant = new { idNumber = Residents.ResidentTestData.NewIdNumber(), name = "网上申请人", homeCommunityCode = Home }, itemCode = CityWideItem,
        })).Json(HttpStatusCode.Created)).Id();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "VeryDissatisfied", comment = "同时提交" })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        // The 差评 and its follow-up were saved together: one rating, one follow-up due time pointing at it.
        var rating = Assert.Single((await (await resident.GetAsync($"/api/service-cases/{id}/ratings")).Json(HttpStatusCode.OK)).EnumerateArray());
        var ratingId = rating.GetProperty("id").GetInt64();
        var followUps = await _desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().CaseDueTimes
            .Where(d => d.CaseId == id && d.Kind == CaseDueKind.FollowUp).Select(d => d.RatingId).ToListAsync());
        Assert.Equal([ratingId], followUps);
    }

    [Fact]
    public async Task A_follow_up_recorded_in_time_closes_only_its_own_ratings_due_time_and_that_rating_never_escalates()
    {
        var resident = await _desk.App.ClientForAsync("resident.online");
        var id = (await (await resident.PostAsJsonAsync("/api/service-cases/online", new
        {
            applicant = new { idNumber = Residents.ResidentTestData.NewIdNumber(), name = "网上申请人", homeCommunityCode = Home }, itemCode = CityWideItem,
        })).Json(HttpStatusCode.Created)).Id();
        var atReceipt = await (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "VeryDissatisfied", comment = "窗口无人" })).Json(HttpStatusCode.Created);
        var home = await _desk.App.ClientForAsync("cw.home");
        await home.OkStepAsync(id, "accept", new { received = new[] { _desk.FormMaterial, _desk.IncomeMaterial, _desk.IdentityMaterial } });
        var atAcceptance = await (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "Dissatisfied", comment = "等了很久" })).Json(HttpStatusCode.Created);
        // A poor rating of another case, due at the same time, whose rating id the first follow-up must not touch either.
        var other = (await (await resident.PostAsJsonAsync("/api/service-cases/online", new
        {
            applicant = new { idNumber = Residents.ResidentTestData.NewIdNumber(), name = "网上申请人", homeCommunityCode = Home }, itemCode = CityWideItem,
        })).Json(HttpStatusCode.Created)).Id();
        await (await resident.PostAsJsonAsync($"/api/service-cases/{other}/ratings", new { level = "Dissatisfied", comment = "不满意" })).Json(HttpStatusCode.Created);
        var (followed, open) = (atReceipt.GetProperty("id").GetInt64(), atAcceptance.GetProperty("id").GetInt64());

        await (await home.PostAsJsonAsync($"/api/service-cases/{id}/ratings/{followed}/follow-up", new { note = "已电话致歉并调整窗口排班" })).Json(HttpStatusCode.OK);
        // The rating's id under another case is no follow-up of this one.
        Assert.Equal(HttpStatusCode.NotFound, (await home.PostAsJsonAsync($"/api/service-cases/{other}/ratings/{open}/follow-up", new { note = "错号" })).StatusCode);
        var dueTimes = await _desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().CaseDueTimes.AsNoTracking()
            .Where(d => d.Kind == CaseDueKind.FollowUp).Select(d => new { d.CaseId, d.RatingId, Closed = d.ClosedAt != null }).ToListAsync());
        Assert.Equal(3, dueTimes.Count);
        Assert.Single(dueTimes, d => d.Closed);
        Assert.Contains(dueTimes, d => d.Closed && d.CaseId == id && d.RatingId == followed);

        MoveTo(China(11, 10, 9, 0)); // past every follow-up's due time (end of Monday 9 Nov)
        await FireAsync();
        resident = await _desk.App.ClientForAsync("resident.online");
        var ratings = (await (await resident.GetAsync($"/api/service-cases/{id}/ratings")).Json(HttpStatusCode.OK)).EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetInt64(), r => r.GetProperty("followUpOverdue").GetBoolean());
        Assert.False(ratings[followed]);
        Assert.True(ratings[open]);
        Assert.True((await (await resident.GetAsync($"/api/service-cases/{other}/ratings")).Json(HttpStatusCode.OK))[0].GetProperty("followUpOverdue").GetBoolean());
        // Escalated once for this case: for the rating still waiting, not the one followed up.
        Assert.Single(await MessagesAsync(id), m => m == $"area:{Home[..9]} 差评整改超期");
    }

    [Fact]
    public async Task A_case_waiting_for_completion_past_its_old_due_time_is_not_late_in_the_list_or_on_the_page()
    {
        var village = await _desk.App.ClientForAsync("cw.village");
        var received = await _desk.ReceiveAsync(await _desk.NewResidentAsync(), received: []);
        var (id, number) = (received.Id(), received.GetProperty("number").GetString()!);
        await village.OkStepAsync(id, "notice", new { items = new[] { new { materialId = _desk.FormMaterial, problem = "Missing", reason = "未提交" } } });
        MoveTo(China(11, 20, 9, 0)); // past the due time of 16 Nov the case carried when its clock stopped
        await FireAsync();
        var district = await _desk.App.ClientForAsync("district.xinmin");
        var overdue = await (await district.GetAsync("/api/service-cases?due=overdue")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), i => i.Id() == id);
        var page = await (await district.GetAsync($"/service-desk/cases?Q={number}")).Content.ReadAsStringAsync();
        var row = page[page.IndexOf($"data-number=\"{number}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.DoesNotContain("error", row);
    }

    [Fact]
    public async Task A_communitys_list_holds_cases_accepted_there_and_its_residents_cases_accepted_elsewhere_newest_first_page_by_page()
    {
        var elsewhere = (await _desk.ReceiveAsync(await _desk.NewResidentAsync())).Id(); // at the village, for a resident of Home
        _desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var here = (await _desk.ReceiveAsync(await _desk.NewResidentAsync(), worker: "cw.home")).Id();
        _desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var sameMinute = (await _desk.ReceiveAsync(await _desk.NewResidentAsync(), worker: "cw.home")).Id();
        var alsoSameMinute = (await _desk.ReceiveAsync(await _desk.NewResidentAsync())).Id();
        var home = await _desk.App.ClientForAsync("cw.home");

        var all = await (await home.GetAsync("/api/service-cases?pageSize=100")).Json(HttpStatusCode.OK);
        var ids = all.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
        Assert.Equal([alsoSameMinute, sameMinute, here, elsewhere], ids.Where(new[] { elsewhere, here, sameMinute, alsoSameMinute }.Contains));

        // One at a time by cursor, forwards to the end and back: the same order, each case once.
        var walked = new List<long>();
        string? after = null;
        JsonElement last = default;
        do
        {
            last = await (await home.GetAsync("/api/service-cases?pageSize=1" + (after is null ? "" : "&after=" + after))).Json(HttpStatusCode.OK);
            walked.AddRange(last.GetProperty("items").EnumerateArray().Select(i => i.Id()));
            after = last.GetProperty("next").GetString();
        } while (after is not null && walked.Count < 50);
        Assert.Equal(ids, walked);
        var back = await (await home.GetAsync("/api/service-cases?pageSize=2&before=" + last.GetProperty("previous").GetString())).Json(HttpStatusCode.OK);
        Assert.Equal(ids[^3..^1], back.GetProperty("items").EnumerateArray().Select(i => i.Id()));
        var second = await (await home.GetAsync("/api/service-cases?pageSize=2&page=2")).Json(HttpStatusCode.OK);
        Assert.Equal(ids[2..4], second.GetProperty("items").EnumerateArray().Select(i => i.Id()));
    }

    [Fact]
    public async Task An_applicant_rates_when_they_choose_and_a_poor_rating_opens_a_follow_up_that_escalates_when_late_and_can_itself_be_rated()
    {
        var resident = await _desk.App.ClientForAsync("resident.online");
        var created = await (await resident.PostAsJsonAsync("/api/service-cases/online", new
        {
            applicant = new { idNumber = Residents.ResidentTestData.NewIdNumber(), name = "网上申请人", homeCommunityCode = Home }, itemCode = CityWideItem,
        })).Json(HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal("Online", created.GetProperty("mode").GetString());
        Assert.Equal(Home, created.GetProperty("acceptingCommunityCode").GetString());
        // Never defaulted: no rating until the applicant gives one, and a rating without a level is refused.
        Assert.Empty((await (await resident.GetAsync($"/api/service-cases/{id}/ratings")).Json(HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { comment = "无" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _desk.App.ClientForAsync("cw.home")).PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "VerySatisfied" })).StatusCode);
        var atReceipt = await (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "Satisfied" })).Json(HttpStatusCode.Created);
        Assert.Equal("Received", atReceipt.GetProperty("stage").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "Satisfied" })).StatusCode);

        var poor = await (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "Dissatisfied", comment = "等了很久" })).Json(HttpStatusCode.Conflict);
        Assert.Equal("Received", poor.GetProperty("state").GetString());
        var home = await _desk.App.ClientForAsync("cw.home");
        await home.OkStepAsync(id, "accept", new { received = new[] { _desk.FormMaterial, _desk.IncomeMaterial, _desk.IdentityMaterial } });
        var rating = await (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "VeryDissatisfied", comment = "<script>等了很久</script>" })).Json(HttpStatusCode.Created);
        Assert.True(rating.GetProperty("isPoor").GetBoolean());
        Assert.Equal("<script>等了很久</script>", rating.GetProperty("comment").GetString());
        Assert.Equal(China(11, 9, 17, 30), rating.GetProperty("followUpDueAt").GetDateTime().ToUniversalTime());

        MoveTo(China(11, 10, 9, 0));
        await FireAsync();
        (resident, home) = (await _desk.App.ClientForAsync("resident.online"), await _desk.App.ClientForAsync("cw.home")); // fresh sign-ins after the clock moved
        var ratings = await (await resident.GetAsync($"/api/service-cases/{id}/ratings")).Json(HttpStatusCode.OK);
        Assert.True(ratings[1].GetProperty("followUpOverdue").GetBoolean());
        Assert.Contains($"area:{Home[..9]} 差评整改超期", await MessagesAsync(id));

        var ratingId = rating.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Conflict, (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings/{ratingId}/follow-up-rating", new { level = "Satisfied" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await home.PostAsJsonAsync($"/api/service-cases/{id}/ratings/{ratingId}/follow-up", new { note = " " })).StatusCode);
        var followed = await (await home.PostAsJsonAsync($"/api/service-cases/{id}/ratings/{ratingId}/follow-up", new { note = "电话回访，解释原因并加快办理" })).Json(HttpStatusCode.OK);
        Assert.Equal("电话回访，解释原因并加快办理", followed.GetProperty("followUpNote").GetString());
        var rated = await (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings/{ratingId}/follow-up-rating", new { level = "FairlySatisfied" })).Json(HttpStatusCode.OK);
        Assert.Equal("FairlySatisfied", rated.GetProperty("followUpLevel").GetString());
    }
}
