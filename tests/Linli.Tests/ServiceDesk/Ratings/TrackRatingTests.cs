using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Audit;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Residents;
using Linli.Tests.ServiceDesk.Cases;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.ServiceDesk.Ratings;

/// <summary>
/// 好差评 without an account: a walk-in applicant proves the case on the public tracking (case number and ID number, whole
/// or last 6) and rates it there, by the same rules as the account rating; the 办结 and 出件 messages invite them with the
/// tracking link and never an ID number.
/// </summary>
public sealed partial class TrackRatingTests(ServiceDeskApp desk) : IClassFixture<ServiceDeskApp>
{
    private const string Ratings = "/api/service-cases/track/ratings";

    [GeneratedRegex("name=\"Proof\" value=\"([^\"]+)\"")]
    private static partial Regex ProofField();

    private async Task<(long Id, string Number, string IdNumber)> WalkInAsync()
    {
        var idNumber = await desk.NewResidentAsync();
        var created = await desk.ReceiveAsync(idNumber);
        var id = created.Id();
        Assert.Null(await CaseAsync(id, c => c.ApplicantUserId)); // no account
        return (id, created.GetProperty("number").GetString()!, idNumber);
    }

    private Task<string?> CaseAsync(long id, System.Linq.Expressions.Expression<Func<Linli.Modules.ServiceDesk.Domain.ServiceCase, string?>> field) =>
        desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().Where(c => c.Id == id).Select(field).FirstAsync());

    private Task<List<CaseMessage>> MessagesAsync(long caseId) => desk.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ServiceDeskDbContext>().CaseOutbox.AsNoTracking().Where(m => m.CaseId == caseId).OrderBy(m => m.Id).ToListAsync());

    private Task<int> AuditedAsync(long caseId) => desk.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
        .CountAsync(e => e.Action == AuditActions.SearchByNumber && e.SubjectType == AuditSubjects.ServiceCase && e.SubjectId == caseId.ToString()));

    private async Task<JsonElement> StaffRatingsAsync(long id) =>
        await (await (await desk.App.ClientForAsync("cw.village")).GetAsync($"/api/service-cases/{id}/ratings")).Json(HttpStatusCode.OK);

    [Fact]
    public async Task A_walk_in_applicant_rates_their_case_through_tracking_with_the_last_6_of_their_id_number_and_the_proof_is_audited()
    {
        var (id, number, idNumber) = await WalkInAsync();
        var api = desk.App.CreateClient();

        var rated = await (await api.PostAsJsonAsync(Ratings, new { number, idNumber = idNumber[^6..].ToLowerInvariant(), level = "Satisfied", comment = "窗口很耐心" }))
            .Json(HttpStatusCode.Created);

        Assert.Equal("Received", rated.GetProperty("stage").GetString());
        Assert.Equal("满意", rated.GetProperty("levelLabel").GetString());
        Assert.Equal(1, await AuditedAsync(id));
        var saved = Assert.Single((await StaffRatingsAsync(id)).EnumerateArray());
        Assert.Equal("Satisfied", saved.GetProperty("level").GetString());
        Assert.Equal("窗口很耐心", saved.GetProperty("comment").GetString());
        // The tracking shows the rating and offers no second one at this stage.
        var tracked = await (await api.PostAsJsonAsync("/api/service-cases/track", new { number, idNumber })).Json(HttpStatusCode.OK);
        Assert.Equal("满意", Assert.Single(tracked.GetProperty("ratings").EnumerateArray()).GetProperty("levelLabel").GetString());
        Assert.Equal(JsonValueKind.Null, tracked.GetProperty("rateStage").ValueKind);
    }

    [Fact]
    public async Task A_wrong_proof_rates_nothing_and_answers_404_like_an_unknown_case_number()
    {
        var (id, number, idNumber) = await WalkInAsync();
        var api = desk.App.CreateClient();
        var wrongTail = idNumber[^6..] == "000000" ? "000001" : "000000";

        var wrong = await api.PostAsJsonAsync(Ratings, new { number, idNumber = wrongTail, level = "VeryDissatisfied" });
        var unknown = await api.PostAsJsonAsync(Ratings, new { number = "20990101999999", idNumber, level = "VeryDissatisfied" });
        var wrongFollowUp = await api.PostAsJsonAsync(Ratings + "/follow-up", new { number, idNumber = ResidentTestData.NewIdNumber(), ratingId = 1, level = "Satisfied" });

        Assert.Equal((await unknown.Json(HttpStatusCode.NotFound)).GetProperty("detail").GetString(), (await wrong.Json(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, wrongFollowUp.StatusCode);
        Assert.Empty((await StaffRatingsAsync(id)).EnumerateArray());
        Assert.DoesNotContain(await MessagesAsync(id), m => m.Subject == "差评待回访");
        // Nothing is defaulted either: a proven case without a level is a 400 naming the field.
        var noLevel = await (await api.PostAsJsonAsync(Ratings, new { number, idNumber, comment = "无" })).Json(HttpStatusCode.BadRequest);
        Assert.True(noLevel.GetProperty("errors").TryGetProperty("Level", out _));
        Assert.Empty((await StaffRatingsAsync(id)).EnumerateArray());
    }

    [Fact]
    public async Task A_second_rating_through_tracking_at_the_same_stage_is_a_409_and_the_next_stage_may_be_rated()
    {
        var (id, number, idNumber) = await WalkInAsync();
        var api = desk.App.CreateClient();
        await (await api.PostAsJsonAsync(Ratings, new { number, idNumber, level = "VerySatisfied" })).Json(HttpStatusCode.Created);

        var again = await (await api.PostAsJsonAsync(Ratings, new { number, idNumber = idNumber[^6..], level = "FairlySatisfied" })).Json(HttpStatusCode.Conflict);

        Assert.Equal("Received", again.GetProperty("state").GetString());
        await (await desk.App.ClientForAsync("cw.village")).OkStepAsync(id, "accept", new { received = new[] { desk.IncomeMaterial } });
        var accepted = await (await api.PostAsJsonAsync(Ratings, new { number, idNumber, level = "FairlySatisfied" })).Json(HttpStatusCode.Created);
        Assert.Equal("Accepted", accepted.GetProperty("stage").GetString());
        Assert.Equal(["VerySatisfied", "FairlySatisfied"], (await StaffRatingsAsync(id)).EnumerateArray().Select(r => r.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task A_poor_rating_through_tracking_opens_the_follow_up_with_its_due_time_and_tells_the_owner_and_its_follow_up_is_rated_there_once_recorded()
    {
        var (id, number, idNumber) = await WalkInAsync();
        var api = desk.App.CreateClient();

        var poor = await (await api.PostAsJsonAsync(Ratings, new { number, idNumber = idNumber[^6..], level = "VeryDissatisfied", comment = "等了很久" })).Json(HttpStatusCode.Created);

        var ratingId = poor.Id();
        Assert.Equal("Pending", poor.GetProperty("followUp").GetString());
        Assert.Equal("待回访", poor.GetProperty("followUpLabel").GetString());
        var dueTimes = await desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().CaseDueTimes.AsNoTracking()
            .Where(d => d.CaseId == id && d.Kind == CaseDueKind.FollowUp).Select(d => d.RatingId).ToListAsync());
        Assert.Equal([ratingId], dueTimes);
        var village = await desk.App.ClientForAsync("cw.village");
        var owner = await CaseAsync(id, c => c.OwnerUserId);
        var told = Assert.Single(await MessagesAsync(id), m => m.Subject == "差评待回访");
        Assert.Equal("user:" + owner, told.Recipient);
        Assert.Contains("非常不满意", told.Body);
        Assert.NotNull((await StaffRatingsAsync(id))[0].GetProperty("followUpDueAt").GetString());

        // The follow-up is rated once it is recorded, and once.
        var early = await api.PostAsJsonAsync(Ratings + "/follow-up", new { number, idNumber, ratingId, level = "Satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await (await village.PostAsJsonAsync($"/api/service-cases/{id}/ratings/{ratingId}/follow-up", new { note = "电话致歉并加快办理" })).Json(HttpStatusCode.OK);
        var tracked = await (await api.PostAsJsonAsync("/api/service-cases/track", new { number, idNumber })).Json(HttpStatusCode.OK);
        Assert.True(Assert.Single(tracked.GetProperty("ratings").EnumerateArray()).GetProperty("canRateFollowUp").GetBoolean());
        var followUp = await (await api.PostAsJsonAsync(Ratings + "/follow-up", new { number, idNumber = idNumber[^6..], ratingId, level = "Satisfied" })).Json(HttpStatusCode.OK);
        Assert.Equal("Satisfied", followUp.GetProperty("followUpLevel").GetString());
        Assert.Equal("已回访", followUp.GetProperty("followUpLabel").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync(Ratings + "/follow-up", new { number, idNumber, ratingId, level = "VerySatisfied" })).StatusCode);
        Assert.Equal("Satisfied", (await StaffRatingsAsync(id))[0].GetProperty("followUpLevel").GetString());
    }

    [Fact]
    public async Task The_tracking_page_offers_the_five_levels_unchecked_keeps_the_comment_when_no_level_is_chosen_and_never_writes_the_id_number_back()
    {
        var (id, number, idNumber) = await WalkInAsync();
        var visitor = PageClient.Anonymous(desk.App);
        var (_, linked) = await visitor.GetAsync($"/service-desk/track?number={number}");
        Assert.Contains($"value=\"{number}\"", linked);

        var found = await (await visitor.PostAsync("/service-desk/track", "/service-desk/track", ("Number", number), ("IdNumber", idNumber[^6..]))).HtmlAsync();

        Assert.Contains("id=\"rate-form\"", found);
        foreach (var label in new[] { "非常满意", "满意", "基本满意", "不满意", "非常不满意" }) Assert.Contains($"/> {label}</label>", found);
        Assert.Equal(5, Regex.Count(found, "type=\"radio\" id=\"Level-"));
        Assert.DoesNotContain("checked", found);
        Assert.DoesNotContain(idNumber[^6..], found);
        var proof = ProofField().Match(found).Groups[1].Value;
        Assert.NotEmpty(proof);

        var refused = await (await visitor.PostAsync("/service-desk/track", "/service-desk/track?handler=Rate", ("Proof", proof), ("Comment", "窗口很热情"))).HtmlAsync(HttpStatusCode.BadRequest);
        Assert.Contains("id=\"rate-error\"", refused);
        Assert.Contains("请选择评价等级。", refused);
        Assert.Contains(">窗口很热情</textarea>", refused);
        Assert.Empty((await StaffRatingsAsync(id)).EnumerateArray());

        var rated = await (await visitor.PostAsync("/service-desk/track", "/service-desk/track?handler=Rate", ("Proof", proof), ("Level", "Satisfied"),
            ("Comment", "窗口很热情"))).HtmlAsync();
        Assert.Contains("id=\"track-rated\"", rated);
        Assert.DoesNotContain("id=\"rate-form\"", rated);
        Assert.Contains("<td>满意</td>", rated);
        Assert.Equal("窗口很热情", Assert.Single((await StaffRatingsAsync(id)).EnumerateArray()).GetProperty("comment").GetString());
        // A proof made up or altered rates nothing.
        var forged = await (await visitor.PostAsync("/service-desk/track", "/service-desk/track?handler=Rate", ("Proof", proof[..^4] + "AAAA"), ("Level", "VeryDissatisfied"))).HtmlAsync();
        Assert.Contains("id=\"track-message\"", forged);
        Assert.Single((await StaffRatingsAsync(id)).EnumerateArray());
    }

    [Fact]
    public async Task The_decision_and_hand_over_messages_invite_the_applicant_to_rate_with_the_tracking_link_and_no_id_number()
    {
        var (id, number, idNumber) = await WalkInAsync();
        var village = await desk.App.ClientForAsync("cw.village");
        var department = await desk.App.ClientForAsync("dept.civil");
        await village.OkStepAsync(id, "accept", new { received = new[] { desk.IncomeMaterial } });
        await village.OkStepAsync(id, "forward");
        await department.OkStepAsync(id, "review");
        await department.OkStepAsync(id, "approve", new { note = "符合条件" });
        await village.OkStepAsync(id, "hand-over", new { method = "Window" });

        var messages = await MessagesAsync(id);

        var invitations = messages.Where(m => m.Subject is "办件已办结" or "办件已出件").ToList();
        Assert.Equal(["办件已办结", "办件已出件"], invitations.Select(m => m.Subject));
        // A walk-in has no account: the message goes where the applicant is reached (their home community here).
        Assert.All(invitations, m => Assert.Equal("area:" + ServiceDeskApp.Home, m.Recipient));
        Assert.All(invitations, m => Assert.Contains($"/service-desk/track?number={number}", m.Body));
        Assert.All(messages, m => Assert.DoesNotContain(idNumber, m.Body + m.Subject + m.Recipient));
        Assert.All(messages, m => Assert.DoesNotContain("idNumber", m.Body));
        // The link opens the tracking with the number filled in, where the applicant proves the case and rates it 办结.
        var (_, page) = await PageClient.Anonymous(desk.App).GetAsync($"/service-desk/track?number={number}");
        Assert.Contains($"value=\"{number}\"", page);
        var rated = await (await desk.App.CreateClient().PostAsJsonAsync(Ratings, new { number, idNumber = idNumber[^6..], level = "VerySatisfied" })).Json(HttpStatusCode.Created);
        Assert.Equal("HandedOver", rated.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_walk_in_who_left_a_phone_number_is_texted_the_decision_and_the_invitation_to_rate_at_that_number()
    {
        var idNumber = await desk.NewResidentAsync();
        var village = await desk.App.ClientForAsync("cw.village");
        var created = await (await village.PostAsJsonAsync("/api/service-cases",
            new { applicant = new { idNumber, phone = "139 1234 5678" }, itemCode = ServiceDeskApp.CityWideItem, mode = "Window", received = new[] { desk.FormMaterial } }))
            .Json(HttpStatusCode.Created);
        var (id, number) = (created.Id(), created.GetProperty("number").GetString()!);
        var department = await desk.App.ClientForAsync("dept.civil");
        await village.OkStepAsync(id, "accept", new { received = new[] { desk.IncomeMaterial } });
        await village.OkStepAsync(id, "forward");
        await department.OkStepAsync(id, "review");
        await department.OkStepAsync(id, "approve", new { note = "符合条件" });
        await village.OkStepAsync(id, "hand-over", new { method = "Window" });

        var texted = (await MessagesAsync(id)).Where(m => m.Recipient == "applicant:" + number).ToList();
        // Every notice to the applicant goes to the phone, and the decision and the hand-over invite a rating.
        Assert.Equal(["办件已收件", "办件已受理", "办件已办结", "办件已出件"], texted.Select(m => m.Subject));
        // The link is absolute at the configured public address, so a phone opens it.
        Assert.Equal(["办件已办结", "办件已出件"], texted.Where(m => m.Body.Contains($"：{ServiceDeskApp.PublicAddress}/service-desk/track?number={number} ", StringComparison.Ordinal)).Select(m => m.Subject));
        // The SMS channel finds the number behind the address, in E.164, and nothing for a case without a phone.
        var (_, bareNumber, _) = await WalkInAsync();
        var phones = await desk.App.WithScopeAsync(sp => sp.GetServices<Linli.Platform.Notifications.Sms.ISmsRecipients>().Single(r => r.Scheme == "applicant")
            .PhoneNumbersAsync(["applicant:" + number, "applicant:" + bareNumber], CancellationToken.None));
        Assert.Equal("+8613912345678", Assert.Single(phones, p => p.Key == "applicant:" + number).Value);
        Assert.DoesNotContain("applicant:" + bareNumber, phones.Keys);
    }
}
