using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Care.Data;
using Linli.Modules.Care.Domain;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Care;

/// <summary>
/// The care roster and its visits over HTTP on the shared city: the roster from the pool's tags, tiers by the rules, the
/// 24-hour event rule, recording a visit with a follow-up ticket, overdue escalation and the caller's area.
/// </summary>
[Collection("city")]
public sealed class CareVisitTests(CityFixture city)
{
    private static readonly PopulationTagKind[] RosterKinds = [.. CareRosterTags.All];

    private async Task<JsonElement> SyncAsync(string user, string? region = null) =>
        await (await (await city.App.ClientForAsync(user)).PostAsJsonAsync("/api/care/roster/sync", new { region })).Json(HttpStatusCode.OK);

    /// <summary>Residents of the community with a roster tag active today, counted in the pool itself.</summary>
    private Task<int> OnRosterInPoolAsync(string community)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        return city.App.WithScopeAsync(sp => sp.GetRequiredService<ResidentsDbContext>().Tags
            .Where(t => t.CommunityCode == community && RosterKinds.Contains(t.Tag) && t.StartDate <= today && (t.EndDate == null || t.EndDate >= today))
            .Select(t => t.ResidentId).Distinct().CountAsync());
    }

    private Task<RosterEntry> EntryAsync(long residentId) =>
        city.App.WithScopeAsync(sp => sp.GetRequiredService<CareDbContext>().Roster.AsNoTracking().SingleAsync(r => r.ResidentId == residentId));

    private async Task<RosterEntry> AnyEntryAsync(string community, Func<RosterEntry, bool> where)
    {
        await SyncAsync("cw.a");
        var all = await city.App.WithScopeAsync(sp => sp.GetRequiredService<CareDbContext>().Roster.AsNoTracking()
            .Where(r => r.CommunityCode == community).ToListAsync());
        return all.Where(where).OrderBy(r => r.ResidentId).First();
    }

    [Fact]
    public async Task The_roster_is_every_resident_of_the_community_with_a_special_group_tag_each_with_the_tier_the_rules_give()
    {
        var synced = await SyncAsync("cw.a");
        var expected = await OnRosterInPoolAsync(CityFixture.CommunityA);
        Assert.True(expected > 0);
        Assert.Equal(expected, synced.GetProperty("onRoster").GetInt32());

        var client = await city.App.ClientForAsync("cw.a");
        var page = await (await client.GetAsync("/api/care/roster?pageSize=500")).Json(HttpStatusCode.OK);
        Assert.Equal(expected, page.GetProperty("total").GetInt64());
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Equal(CityFixture.CommunityA, r.GetProperty("communityCode").GetString()));

        // Each tier is the table's on the resident's tags as the pool holds them.
        var ids = page.GetProperty("items").EnumerateArray().Take(40).Select(r => r.GetProperty("residentId").GetInt64()).ToList();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var tags = await city.App.WithScopeAsync(sp => sp.GetRequiredService<ResidentsDbContext>().Tags.AsNoTracking()
            .Where(t => ids.Contains(t.ResidentId) && t.StartDate <= today && (t.EndDate == null || t.EndDate >= today)).ToListAsync());
        foreach (var item in page.GetProperty("items").EnumerateArray().Take(40))
        {
            var id = item.GetProperty("residentId").GetInt64();
            var own = tags.Where(t => t.ResidentId == id).Select(t => new CareRosterTag(t.Tag, t.Grade)).ToList();
            Assert.Equal(TierRules.FromTags(own).Tier.ToString(), item.GetProperty("tagTier").GetString());
        }
        // A second sync changes nothing and adds nobody.
        var again = await SyncAsync("cw.a");
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(expected, again.GetProperty("onRoster").GetInt32());
    }

    [Fact]
    public async Task A_new_roster_resident_is_due_one_period_of_their_tier_after_joining()
    {
        var entry = await AnyEntryAsync(CityFixture.CommunityA, r => r.LastVisitAt == null && r.DueReason == DueReason.Routine);
        Assert.Equal(VisitPlan.Routine(entry.Tier, entry.JoinedAt), entry.Next);
    }

    [Fact]
    public async Task Another_communitys_roster_and_residents_answer_404_and_its_due_list_is_not_shown()
    {
        await SyncAsync("cw.b");
        var inB = await city.App.WithScopeAsync(sp => sp.GetRequiredService<CareDbContext>().Roster.AsNoTracking()
            .Where(r => r.CommunityCode == CityFixture.CommunityB).Select(r => r.ResidentId).FirstAsync());
        var a = await city.App.ClientForAsync("cw.a");
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/care/roster/{inB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync($"/api/care/visits?region={CityFixture.CommunityB}")).StatusCode);
        // Asked for the whole street, a community worker gets their own community's part of it.
        var street = await (await a.GetAsync($"/api/care/roster?region={CityFixture.CommunityA[..9]}&pageSize=500")).Json(HttpStatusCode.OK);
        Assert.All(street.GetProperty("items").EnumerateArray(), r => Assert.Equal(CityFixture.CommunityA, r.GetProperty("communityCode").GetString()));
        var visit = await a.PostAsJsonAsync("/api/care/visits", new { residentId = inB, method = "Home", health = "Good", living = "Good", safety = "Safe", needs = "None" });
        Assert.Equal(HttpStatusCode.NotFound, visit.StatusCode);
        var due = await (await a.GetAsync("/api/care/visits?pageSize=500")).Json(HttpStatusCode.OK);
        Assert.All(due.GetProperty("items").EnumerateArray(), v => Assert.Equal(CityFixture.CommunityA, v.GetProperty("communityCode").GetString()));
        // A department has no area at all.
        var dept = await city.App.ClientForAsync("dept.water");
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.GetAsync("/api/care/visits")).StatusCode);
    }

    [Fact]
    public async Task A_hospital_stay_brings_the_residents_visit_within_24_hours()
    {
        var entry = await AnyEntryAsync(CityFixture.CommunityA, r => r.DueReason == DueReason.Routine && r.NextDueAt > DateTime.UtcNow.AddDays(2));
        var client = await city.App.ClientForAsync("cw.a");
        var before = DateTime.UtcNow;
        var result = await (await client.PostAsJsonAsync("/api/care/events", new { kind = "HospitalStay", residentId = entry.ResidentId, note = "市第一医院" })).Json(HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("scheduled").GetInt32());

        var after = await EntryAsync(entry.ResidentId);
        Assert.Equal(DueReason.HospitalStay, after.DueReason);
        Assert.InRange(after.NextDueAt, before.AddHours(24).AddSeconds(-1), DateTime.UtcNow.AddHours(24).AddSeconds(1));
        Assert.Equal("市第一医院", after.DueNote);
        // The event sticks through a sync of the roster.
        await SyncAsync("cw.a");
        Assert.Equal(after.NextDueAt, (await EntryAsync(entry.ResidentId)).NextDueAt);
        // Without a resident the request names the field; a district event needs street or district staff.
        var missing = await client.PostAsJsonAsync("/api/care/events", new { kind = "HospitalStay" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("residentId", await missing.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/care/events", new { kind = "ColdSpell", region = "210102" })).StatusCode);
    }

    [Fact]
    public async Task A_cold_spell_brings_every_concerned_residents_visit_of_the_district_within_24_hours_set_based()
    {
        await SyncAsync("district.heping");
        var district = await city.App.ClientForAsync("district.heping");
        var start = DateTime.UtcNow;
        var result = await (await district.PostAsJsonAsync("/api/care/events", new { kind = "ColdSpell", region = "210102" })).Json(HttpStatusCode.OK);
        var dueBy = result.GetProperty("dueBy").GetDateTime().ToUniversalTime();

        var rows = await city.App.WithScopeAsync(sp => sp.GetRequiredService<CareDbContext>().Roster.AsNoTracking()
            .Where(r => r.CommunityCode.StartsWith("210102")).ToListAsync());
        var concerned = rows.Where(r => r.Tier >= RiskTier.Priority || r.Tags.Contains("|LivingAlone|") || r.Tags.Contains("|Elderly80|")).ToList();
        Assert.NotEmpty(concerned);
        Assert.All(concerned, r => Assert.True(r.NextDueAt <= dueBy, $"{r.ResidentId} due {r.NextDueAt:o}"));
        Assert.True(result.GetProperty("scheduled").GetInt32() > 0);
        // Veterans and dibao alone at general risk are not concerned: their routine visit stays.
        Assert.Contains(rows.Except(concerned), r => r.NextDueAt > dueBy && r.DueReason == DueReason.Routine);
        Assert.InRange(dueBy, start.AddHours(24).AddSeconds(-1), DateTime.UtcNow.AddHours(24).AddSeconds(1));
        // Outside the caller's district: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await district.PostAsJsonAsync("/api/care/events", new { kind = "ColdSpell", region = "210103" })).StatusCode);
    }

    [Fact]
    public async Task A_visit_finding_a_need_opens_a_follow_up_ticket_and_moves_the_next_visit_by_the_tiers_rule()
    {
        var entry = await AnyEntryAsync(CityFixture.CommunityA, r => r.TagTier == RiskTier.Priority && r.RaisedTier == null);
        var client = await city.App.ClientForAsync("cw.a");
        var recorded = await (await client.PostAsJsonAsync("/api/care/visits", new
        {
            residentId = entry.ResidentId, method = "Home", health = "Fair", living = "Good", safety = "Safe", needs = "NeedsHelp", notes = "冬季取暖费用困难",
        })).Json(HttpStatusCode.Created);

        var ticketId = recorded.GetProperty("followUpTicketId").GetInt64();
        var ticket = await client.GetTicketAsync(ticketId);
        Assert.Equal(CityFixture.CommunityA, ticket.GetProperty("communityCode").GetString());
        Assert.Contains("冬季取暖费用困难", ticket.GetProperty("description").GetString());
        Assert.Equal(recorded.GetProperty("followUpTicketNumber").GetString(), ticket.GetProperty("number").GetString());

        var after = await EntryAsync(entry.ResidentId);
        Assert.Equal(RiskTier.Priority, after.Tier);
        Assert.Equal(RiskTier.Priority, after.FindingTier);
        Assert.Equal(VisitPlan.Routine(RiskTier.Priority, after.LastVisitAt!.Value), after.Next);

        // A visit that finds danger at home makes the resident high risk: the next visit is a week after it.
        var danger = await (await client.PostAsJsonAsync("/api/care/visits", new
        {
            residentId = entry.ResidentId, method = "Phone", health = "Good", living = "Good", safety = "Danger", needs = "None",
        })).Json(HttpStatusCode.Created);
        Assert.Equal("High", danger.GetProperty("tierAfter").GetString());
        Assert.Equal(JsonValueKind.Null, danger.GetProperty("followUpTicketId").ValueKind);
        var high = await EntryAsync(entry.ResidentId);
        Assert.Equal(high.LastVisitAt!.Value.AddDays(7), high.NextDueAt);

        var details = await (await client.GetAsync($"/api/care/roster/{entry.ResidentId}")).Json(HttpStatusCode.OK);
        var listed = details.GetProperty("visits").EnumerateArray().Select(v => v.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(recorded.GetProperty("visitId").GetInt64(), listed);
        Assert.Contains(danger.GetProperty("visitId").GetInt64(), listed);
        // A visit in the future is refused, naming the field.
        var future = await client.PostAsJsonAsync("/api/care/visits", new
        {
            residentId = entry.ResidentId, method = "Home", health = "Good", living = "Good", safety = "Safe", needs = "None", visitedAt = DateTime.UtcNow.AddDays(1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Contains("visitedAt", await future.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_worker_raises_a_tier_with_a_reason_that_is_audited_and_cannot_raise_it_to_what_it_already_is()
    {
        var entry = await AnyEntryAsync(CityFixture.CommunityA, r => r.Tier == RiskTier.General);
        var client = await city.App.ClientForAsync("cw.a");
        var noReason = await client.PostAsJsonAsync($"/api/care/roster/{entry.ResidentId}/tier", new { tier = "High", reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var raised = await (await client.PostAsJsonAsync($"/api/care/roster/{entry.ResidentId}/tier", new { tier = "High", reason = "子女长期在外，近期跌倒过" })).Json(HttpStatusCode.OK);
        Assert.Equal("High", raised.GetProperty("entry").GetProperty("tier").GetString());
        Assert.Equal("子女长期在外，近期跌倒过", raised.GetProperty("raiseReason").GetString());
        var after = await EntryAsync(entry.ResidentId);
        Assert.True(after.NextDueAt <= (after.LastVisitAt ?? after.JoinedAt).AddDays(7));

        var id = entry.ResidentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await city.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries.AsNoTracking()
            .Where(e => e.Action == AuditActions.CareTierChanged && e.SubjectId == id).ToListAsync());
        var line = Assert.Single(audited);
        Assert.Equal("子女长期在外，近期跌倒过", line.Reason);
        Assert.Equal("General->High", line.Field);

        var again = await client.PostAsJsonAsync($"/api/care/roster/{entry.ResidentId}/tier", new { tier = "Priority", reason = "再次" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("tier", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        // The raise survives a sync of the roster.
        await SyncAsync("cw.a");
        Assert.Equal(RiskTier.High, (await EntryAsync(entry.ResidentId)).Tier);
    }

    [Fact]
    public async Task A_missed_visit_is_listed_as_overdue_for_the_community_and_a_week_later_for_the_street()
    {
        var entry = await AnyEntryAsync(CityFixture.CommunityA, r => r.LastVisitAt == null && r.RaisedTier == null);
        var missedSince = DateTime.UtcNow.AddDays(-9);
        // The resident's visit window ended nine days ago (as if the roster had been synced long ago and nobody went).
        await city.App.WithScopeAsync(sp => sp.GetRequiredService<CareDbContext>().Roster.Where(r => r.ResidentId == entry.ResidentId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextDueAt, missedSince.AddDays(-1)).SetProperty(r => r.WindowStartAt, missedSince.AddDays(-2))
                .SetProperty(r => r.WindowEndAt, missedSince)));

        var community = await city.App.ClientForAsync("cw.a");
        var overdue = await (await community.GetAsync("/api/care/visits?overdue=true&pageSize=500")).Json(HttpStatusCode.OK);
        var item = Assert.Single(overdue.GetProperty("items").EnumerateArray(), v => v.GetProperty("residentId").GetInt64() == entry.ResidentId);
        Assert.True(item.GetProperty("isOverdue").GetBoolean());
        Assert.Equal("Street", item.GetProperty("escalation").GetString());
        Assert.All(overdue.GetProperty("items").EnumerateArray(), v => Assert.True(v.GetProperty("isOverdue").GetBoolean()));
        Assert.DoesNotContain((await (await community.GetAsync("/api/care/visits?overdue=false&pageSize=500")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            v => v.GetProperty("residentId").GetInt64() == entry.ResidentId);

        var street = await city.App.ClientForAsync("street.a");
        var streetList = await (await street.GetAsync("/api/care/visits?escalation=Street&pageSize=500")).Json(HttpStatusCode.OK);
        Assert.Contains(streetList.GetProperty("items").EnumerateArray(), v => v.GetProperty("residentId").GetInt64() == entry.ResidentId);
        var other = await city.App.ClientForAsync("cw.b");
        Assert.DoesNotContain((await (await other.GetAsync("/api/care/visits?overdue=true&pageSize=500")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            v => v.GetProperty("residentId").GetInt64() == entry.ResidentId);

        // Visiting clears it: the next visit is a period after today.
        await (await community.PostAsJsonAsync("/api/care/visits", new { residentId = entry.ResidentId, method = "Home", health = "Good", living = "Good", safety = "Safe", needs = "None" }))
            .Json(HttpStatusCode.Created);
        Assert.False(VisitPlan.IsOverdue((await EntryAsync(entry.ResidentId)).WindowEndAt, DateTime.UtcNow));
    }

    [Fact]
    public async Task The_grid_workers_phone_page_lists_the_visits_due_in_their_grid_and_records_one()
    {
        var entry = await AnyEntryAsync(CityFixture.CommunityA, r => r.GridCode != null);
        await city.App.WithScopeAsync(sp => sp.GetRequiredService<CareDbContext>().Roster.Where(r => r.ResidentId == entry.ResidentId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.NextDueAt, DateTime.UtcNow.AddHours(2)).SetProperty(r => r.WindowStartAt, DateTime.UtcNow.AddHours(-1))
                .SetProperty(r => r.WindowEndAt, DateTime.UtcNow.AddHours(20))));
        var name = "grid.care." + Guid.NewGuid().ToString("N")[..6];
        await city.App.CreateUserAsync(name, Roles.GridWorker, entry.GridCode);
        var worker = await PageClient.SignedInAsync(city.App, name);

        var (status, html) = await worker.GetAsync("/care/visits");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-resident=\"{entry.ResidentId}\"", html);
        Assert.Contains("href=\"/care/visits\"", html); // the navigation link

        var response = await worker.PostAsync("/care/visits", "/care/visits", ("Form.ResidentId", entry.ResidentId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Form.Method", "Home"), ("Form.Health", "Good"), ("Form.Living", "Good"), ("Form.Safety", "Safe"), ("Form.Needs", "NeedsHelp"), ("Form.Notes", "需要助餐服务"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var visits = await city.App.WithScopeAsync(sp => sp.GetRequiredService<CareDbContext>().Visits.AsNoTracking()
            .Where(v => v.ResidentId == entry.ResidentId && v.Notes == "需要助餐服务").ToListAsync());
        Assert.NotNull(Assert.Single(visits).FollowUpTicketNumber);
        var (_, afterPost) = await worker.GetAsync("/care/visits");
        Assert.Contains(visits[0].FollowUpTicketNumber!, afterPost);
    }
}
