using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Data;
using Linli.Platform.Audit;
using Linli.Tests.Requests;
using Linli.Tests.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.ServiceDesk.Cases.ServiceDeskApp;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>Cases over HTTP on the real database: intake, city-wide visibility, every step, the one-time notice, idempotency, concurrency.</summary>
public sealed class CaseFlowTests(ServiceDeskApp desk) : IClassFixture<ServiceDeskApp>
{
    private Task<HttpClient> As(string user) => desk.App.ClientForAsync(user);

    [Fact]
    public async Task A_case_accepted_in_a_village_for_a_resident_of_an_urban_district_is_seen_by_both_communities_and_the_department_and_nobody_else()
    {
        var idNumber = await desk.NewResidentAsync();
        var created = await desk.ReceiveAsync(idNumber);
        var id = created.Id();
        Assert.Equal(Village, created.GetProperty("acceptingCommunityCode").GetString());
        Assert.Equal(Home, created.GetProperty("homeCommunityCode").GetString());
        // The accepting worker sees what the case needs: the name and a masked number, never the number itself.
        Assert.Equal(idNumber[..4] + new string('*', 14), created.GetProperty("applicantIdMasked").GetString());
        Assert.DoesNotContain(idNumber, created.GetRawText());
        Assert.True(created.GetProperty("applicantInPool").GetBoolean());

        foreach (var user in new[] { "cw.village", "cw.home", "street.village", "district.xinmin", "district.heping", "dept.civil" })
        {
            var seen = await (await As(user)).GetCaseAsync(id);
            Assert.Equal(created.GetProperty("number").GetString(), seen.GetProperty("number").GetString());
            var list = await (await (await As(user)).GetAsync($"/api/service-cases?q={seen.GetProperty("number").GetString()}")).Json(HttpStatusCode.OK);
            Assert.Single(list.GetProperty("items").EnumerateArray());
        }
        foreach (var user in new[] { "cw.other", "district.shenhe", "dept.other" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await (await As(user)).GetAsync($"/api/service-cases/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await (await As(user)).StepAsync(id, "accept")).StatusCode);
            var list = await (await (await As(user)).GetAsync($"/api/service-cases?q={created.GetProperty("number").GetString()}")).Json(HttpStatusCode.OK);
            Assert.Empty(list.GetProperty("items").EnumerateArray());
        }
    }

    [Fact]
    public async Task Intake_refuses_an_unknown_retired_or_unpublished_item_and_a_bad_id_number_naming_the_field_and_saves_nothing()
    {
        var client = await As("cw.village");
        var idNumber = await desk.NewResidentAsync();
        var before = await CountAsync();
        async Task Refused(object body, string field)
        {
            var response = await client.PostAsJsonAsync("/api/service-cases", body);
            var problem = await response.Json(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        }
        await Refused(new { applicant = new { idNumber }, itemCode = "NO-SUCH-ITEM" }, "ItemCode");
        await Refused(new { applicant = new { idNumber }, itemCode = RetiredItem }, "ItemCode");
        await Refused(new { applicant = new { idNumber }, itemCode = DraftItem }, "ItemCode");
        var bad = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');
        await Refused(new { applicant = new { idNumber = bad }, itemCode = CityWideItem }, "Applicant.IdNumber");
        // Not city-wide: only in the applicant's home district, and only where the district's 代办 list has it.
        await Refused(new { applicant = new { idNumber }, itemCode = LocalItem }, "ItemCode");
        Assert.Equal(before, await CountAsync());
        var home = await desk.ReceiveAsync(idNumber, LocalItem, received: [], worker: "cw.home");
        Assert.Equal(Home, home.GetProperty("acceptingCommunityCode").GetString());
    }

    [Fact]
    public async Task A_person_new_to_the_pool_is_received_with_a_checked_id_number_a_name_and_a_home_community()
    {
        var client = await As("cw.village");
        var idNumber = ResidentTestData.NewIdNumber();
        var missing = await client.PostAsJsonAsync("/api/service-cases", new { applicant = new { idNumber }, itemCode = CityWideItem });
        Assert.True((await missing.Json(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Applicant.Name", out _));
        var created = await (await client.PostAsJsonAsync("/api/service-cases",
            new { applicant = new { idNumber, name = "新来的<b>人</b>", homeCommunityCode = OtherCommunity }, itemCode = CityWideItem })).Json(HttpStatusCode.Created);
        Assert.False(created.GetProperty("applicantInPool").GetBoolean());
        Assert.Equal("新来的<b>人</b>", created.GetProperty("applicantName").GetString());
        Assert.Equal(OtherCommunity, created.GetProperty("homeCommunityCode").GetString());
        // Not in the pool: the platform cannot supply the identity proof, so it is missing.
        Assert.Equal("Missing", created.Status(desk.IdentityMaterial));
    }

    [Fact]
    public async Task A_double_clicked_intake_under_one_idempotency_key_creates_one_case()
    {
        var client = await As("cw.village");
        var idNumber = await desk.NewResidentAsync();
        var key = Guid.NewGuid().ToString("N");
        var before = await CountAsync();
        async Task<HttpResponseMessage> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/service-cases")
                { Content = JsonContent.Create(new { applicant = new { idNumber }, itemCode = CityWideItem }) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request);
        }
        var answers = await Task.WhenAll(Post(), Post());
        var third = await Post();
        Assert.All(answers.Append(third), r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var locations = answers.Append(third).Select(r => r.Headers.Location!.ToString()).Distinct().ToList();
        Assert.Single(locations);
        Assert.True(third.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, await CountAsync());
    }

    private Task<int> CountAsync() => desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task A_case_runs_from_intake_to_hand_over_with_every_step_recorded_and_an_illegal_step_answers_409_with_the_state()
    {
        var village = await As("cw.village");
        var department = await As("dept.civil");
        var id = (await desk.ReceiveAsync(await desk.NewResidentAsync())).Id();

        var illegal = await (await department.StepAsync(id, "approve")).Json(HttpStatusCode.Conflict);
        Assert.Equal("Received", illegal.GetProperty("state").GetString());
        // Acceptance is refused while a mandatory material is missing (the income proof), naming it.
        var blocked = await (await village.StepAsync(id, "accept")).Json(HttpStatusCode.Conflict);
        Assert.Contains("收入证明", blocked.GetProperty("detail").GetString());
        // 容缺: accepted with a dated commitment to bring it.
        var accepted = await village.OkStepAsync(id, "accept", new { deferred = new[] { new { materialId = desk.IncomeMaterial, commitmentDate = "2026-11-20" } } });
        Assert.Equal("Accepted", accepted.State());
        Assert.Equal("Deferred", accepted.Status(desk.IncomeMaterial));
        Assert.Equal("Supplied", accepted.Status(desk.IdentityMaterial));

        Assert.Equal(HttpStatusCode.Forbidden, (await department.StepAsync(id, "forward")).StatusCode);
        Assert.Equal("Forwarded", (await village.OkStepAsync(id, "forward")).State());
        Assert.Equal(HttpStatusCode.Forbidden, (await village.StepAsync(id, "review")).StatusCode);
        Assert.Equal("UnderReview", (await department.OkStepAsync(id, "review")).State());
        Assert.Equal(HttpStatusCode.BadRequest, (await department.StepAsync(id, "suspend", new { step = "Hearing", reason = "听证" })).StatusCode);
        var suspended = await department.OkStepAsync(id, "suspend", new { step = "PublicNotice", reason = "公示 5 日" });
        Assert.True(suspended.GetProperty("clockStopped").GetBoolean());
        Assert.Equal("UnderReview", (await department.OkStepAsync(id, "resume")).State());
        var dueBefore = (await department.GetCaseAsync(id)).GetProperty("dueAt").GetDateTime();
        await department.OkStepAsync(id, "extend", new { days = 3, reason = "需补充调查" });
        Assert.Equal(HttpStatusCode.Conflict, (await department.StepAsync(id, "extend", new { days = 2, reason = "再延" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await village.StepAsync(id, "extension-decision", new { approve = true })).StatusCode);
        var extended = await (await As("street.village")).OkStepAsync(id, "extension-decision", new { approve = true });
        Assert.True(extended.GetProperty("dueAt").GetDateTime() > dueBefore);
        var approved = await department.OkStepAsync(id, "approve", new { note = "符合条件" });
        Assert.Equal("Approved", approved.State());
        Assert.True(approved.GetProperty("dueAt").ValueKind == JsonValueKind.Null);
        var handed = await village.OkStepAsync(id, "hand-over", new { method = "Post" });
        Assert.Equal("HandedOver", handed.State());
        Assert.Empty(handed.GetProperty("actions").EnumerateArray());
        var steps = handed.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Received", "Accepted", "Forwarded", "UnderReview", "Suspended", "UnderReview", "UnderReview", "UnderReview", "Approved", "HandedOver"], steps);
        Assert.Equal(HttpStatusCode.Conflict, (await village.StepAsync(id, "hand-over")).StatusCode);
    }

    [Fact]
    public async Task The_one_time_notice_lists_every_missing_material_stops_the_clock_and_a_second_notice_asking_for_more_is_refused_and_audited()
    {
        var village = await As("cw.village");
        var id = (await desk.ReceiveAsync(await desk.NewResidentAsync(), received: [])).Id();
        // The worker names one defect; the notice lists it and everything else missing (form and income proof).
        var noticed = await village.OkStepAsync(id, "notice", new { items = new[] { new { materialId = desk.FormMaterial, problem = "Defective", reason = "未签名" } } });
        Assert.Equal("AwaitingCompletion", noticed.State());
        Assert.True(noticed.GetProperty("clockStopped").GetBoolean());
        var notice = Assert.Single(noticed.GetProperty("notices").EnumerateArray());
        Assert.Equal(noticed.GetProperty("number").GetString() + "-1", notice.GetProperty("number").GetString());
        Assert.Equal(["申请表", "收入证明"], notice.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await village.StepAsync(id, "accept")).StatusCode);

        // The applicant brings the income proof; the form is wrong again: a second notice repeating it is allowed.
        Assert.Equal("Received", (await village.OkStepAsync(id, "complete", new { received = new[] { desk.IncomeMaterial } })).State());
        var second = await village.OkStepAsync(id, "notice", new { items = new[] { new { materialId = desk.FormMaterial, problem = "Defective", reason = "仍未签名" } } });
        Assert.Equal(2, second.GetProperty("notices").GetArrayLength());
        await village.OkStepAsync(id, "complete", new { received = new[] { desk.FormMaterial } });
        // Asking now for the disability certificate, never asked before, is refused and audited.
        var refused = await (await village.StepAsync(id, "notice", new { items = new[] { new { materialId = desk.DisabilityMaterial, problem = "Missing", reason = "需要" } } }))
            .Json(HttpStatusCode.Conflict);
        Assert.Contains("残疾人证", refused.GetProperty("detail").GetString());
        var audited = await desk.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .CountAsync(e => e.Action == AuditActions.SecondNoticeRefused && e.SubjectId == id.ToString()));
        Assert.Equal(1, audited);
        Assert.Equal("Accepted", (await village.OkStepAsync(id, "accept")).State());
    }

    [Fact]
    public async Task Two_workers_acting_on_one_case_at_once_one_wins_and_the_other_gets_409()
    {
        var id = (await desk.ReceiveAsync(await desk.NewResidentAsync(), received: [desk.FormMaterial, desk.IncomeMaterial])).Id();
        var one = await As("cw.village");
        var two = await As("cw.village2");
        var version = (await one.GetCaseAsync(id)).GetProperty("version").GetInt32();
        var answers = await Task.WhenAll(one.StepAsync(id, "accept", new { version }), two.StepAsync(id, "refuse", new { reason = "不符合条件", version }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).OrderBy(s => s));
        var state = (await one.GetCaseAsync(id)).State();
        Assert.Contains(state, new[] { "Accepted", "NotAccepted" });
        var steps = (await one.GetCaseAsync(id)).GetProperty("steps").GetArrayLength();
        Assert.Equal(2, steps);
    }

    [Fact]
    public async Task A_proxy_worker_with_the_residents_mandate_acts_on_the_case_and_a_home_visit_is_scheduled_and_recorded_for_a_disabled_applicant()
    {
        var home = await As("cw.home");
        var village = await As("cw.village");
        var id = (await desk.ReceiveAsync(desk.DisabledResidentId, received: [desk.FormMaterial])).Id();
        Assert.Equal(HttpStatusCode.BadRequest, (await home.StepAsync(id, "proxy", new { mandate = "" })).StatusCode);
        var proxied = await home.OkStepAsync(id, "proxy", new { mandate = "本人委托社区代办员代为提交材料，2026-11-02 签字" });
        Assert.Equal("Proxy", proxied.GetProperty("mode").GetString());
        Assert.Equal("cw.home", proxied.GetProperty("proxyName").GetString());
        // The proxy (of the home community, not the accepting one) submits the missing material and accepts.
        Assert.Equal("Accepted", (await home.OkStepAsync(id, "accept", new { received = new[] { desk.IncomeMaterial } })).State());

        var other = (await desk.ReceiveAsync(desk.DisabledResidentId, received: [desk.FormMaterial])).Id();
        var scheduled = await village.OkStepAsync(other, "home-visit", new { scheduledAt = "2026-11-03T10:00:00" });
        var visit = Assert.Single(scheduled.GetProperty("homeVisits").EnumerateArray());
        Assert.Equal("DoorToDoor", scheduled.GetProperty("mode").GetString());
        var recorded = await village.OkStepAsync(other, "home-visit", new { visitId = visit.GetProperty("id").GetInt64(), outcome = "上门收取收入证明" });
        Assert.Equal("上门收取收入证明", recorded.GetProperty("homeVisits")[0].GetProperty("outcome").GetString());
        // Not tagged 80+, disabled or living alone: no home visit.
        var plain = (await desk.ReceiveAsync(await desk.NewResidentAsync())).Id();
        Assert.Equal(HttpStatusCode.Conflict, (await village.StepAsync(plain, "home-visit", new { scheduledAt = "2026-11-03T10:00:00" })).StatusCode);
    }
}
