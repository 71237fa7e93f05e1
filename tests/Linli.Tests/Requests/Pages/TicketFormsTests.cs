using System.Net;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.Shared;
using Linli.Modules.Requests.Pages;
using Linli.Platform.Errors;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.Requests.TicketFixtures;

namespace Linli.Tests.Requests.Pages;

/// <summary>
/// The ticket page shows a form exactly when the workflow would accept it: never a form that will be refused, never an
/// action the caller may take without its form. Run through the page model and the real workflow on the real database,
/// without HTTP, for every state × situation × everyone who may open the page × every form; then two cases over HTTP.
/// </summary>
[Collection("city")]
public sealed class TicketFormsTests(CityFixture city)
{
    [Fact]
    public async Task The_page_offers_each_form_exactly_when_the_workflow_accepts_it_from_that_caller_in_that_state()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var into = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "并单目标（合成）")).Id();

        var (mismatches, cells, accepted) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var current = await db.RoutingRules.AsNoTracking().Where(r => r.IsCurrent && r.CategoryId != 1).OrderBy(r => r.Id).Select(r => new { r.Id, r.CategoryId }).Take(2).ToListAsync();
            var ruleId = current[0].Id;
            var workflow = sp.GetRequiredService<TicketWorkflow>();
            var page = ActivatorUtilities.CreateInstance<TicketModel>(sp);
            page.Text = "合成意见";
            page.Days = 3;
            page.DepartmentCodes = ["heating"];
            page.IntoTicketId = into;
            page.Department = SummonedDepartment;
            page.ReportedBy = "供电公司 李工（电话）";
            page.NewCategoryId = current[1].CategoryId; // the built tickets are in category 1, which this is not

            // The two forms whose outcome depends on a field are posted both ways.
            var posts = TicketModel.Forms.Keys.SelectMany(handler => handler switch
            {
                "DecideExtension" => new (string, bool, Rating?)[] { (handler, true, null), (handler, false, null) },
                "Evaluate" => [(handler, false, Rating.Satisfied), (handler, false, Rating.Dissatisfied)],
                _ => [(handler, false, null)],
            }).ToList();
            var found = new List<string>();
            int count = 0, yes = 0;
            long id = 900_000_000;
            foreach (var state in States)
            foreach (var lead in Enum.GetValues<LeadKind>())
            foreach (var situation in Enum.GetValues<Situation>())
            foreach (var member in Everyone.Where(m => !m.System && !m.Reporter && m.Name != "another resident")) // the page is for staff
            foreach (var (handler, approve, rating) in posts)
            {
                count++;
                id++;
                page.Approve = approve;
                page.Rating = rating;
                page.Show(Build(state, lead, situation, id, ruleId), member.Actor);
                var offered = page.Offers(handler);
                bool accepts;
                try
                {
                    await page.Step(handler, CancellationToken.None)(workflow, Build(state, lead, situation, id, ruleId), member.Actor);
                    accepts = true;
                }
                catch (Exception e) when (e is ForbiddenException or ConflictException)
                {
                    accepts = false;
                }
                catch (ValidationFailedException e)
                {
                    throw new InvalidOperationException($"{handler} on {state} by {member}: the test's input was refused: {string.Join("; ", e.Errors.SelectMany(x => x.Value))}");
                }
                finally
                {
                    db.ChangeTracker.Clear(); // nothing is saved: each cell starts from the stored data again
                }
                if (accepts) yes++;
                if (offered != accepts)
                    found.Add($"{handler} on {state} ({lead}-led, {situation}) by {member}: page {(offered ? "offers" : "hides")} it, workflow {(accepts ? "accepts" : "refuses")}");
            }
            return (found, count, yes);
        });
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cells} disagree:\n" + string.Join("\n", mismatches.Take(40)));
        // Not a matrix of refusals only: a good share of the cells are actions the caller may take.
        Assert.InRange(accepted, cells / 50, cells / 2);
    }

    [Fact]
    public async Task A_lead_unit_waiting_for_a_summoned_department_is_told_so_instead_of_being_shown_a_reply_form()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var community = await city.App.ClientForAsync("cw.a");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "井盖丢失（合成）")).Id();
        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        await community.OkAsync(id, "sign");
        await community.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" } });

        var page = $"/requests/tickets/{id}";
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        var html = (await worker.GetAsync(page)).Html;
        Assert.DoesNotContain("id=\"reply-form\"", html);
        Assert.Contains("id=\"reply-waits\"", html);
        Assert.Contains("尚有被召集部门未报到（市水务局），暂不能答复或办结。", html);
        Assert.Contains("id=\"suspend-form\"", html); // the rest of the handling stays open

        await (await city.App.ClientForAsync("dept.water")).OkAsync(id, "report-in", new { report = "已派人检修" });
        html = (await worker.GetAsync(page)).Html;
        Assert.Contains("id=\"reply-form\"", html);
        Assert.DoesNotContain("id=\"reply-waits\"", html);
    }

    [Fact]
    public async Task The_centre_may_add_co_handlers_to_a_ticket_in_progress_and_the_page_offers_it_the_form()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"))).Id();
        await hotline.OkAsync(id, "dispatch");
        await (await city.App.ClientForAsync("dept.water")).OkAsync(id, "sign");

        var page = $"/requests/tickets/{id}";
        var centre = await PageClient.SignedInAsync(city.App, "hotline");
        Assert.Contains("id=\"co-handle-form\"", (await centre.GetAsync(page)).Html);
        Assert.DoesNotContain("id=\"reply-form\"", (await centre.GetAsync(page)).Html);
        var posted = await centre.PostAsync(page, page + "?handler=CoHandle", ("Version", await RequestPages.VersionAsync(city.App, id)), ("DepartmentCodes", "gas"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var ticket = await hotline.GetTicketAsync(id);
        Assert.Contains(ticket.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitCode").GetString() == "gas" && u.GetProperty("role").GetString() == "CoHandler");
    }

    [Fact]
    public async Task A_stale_answer_form_does_not_close_a_ticket_that_was_replied_meanwhile()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var community = await city.App.ClientForAsync("cw.a");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App))).Id();
        var page = $"/requests/tickets/{id}";
        var centre = await PageClient.SignedInAsync(city.App, "hotline");
        Assert.Contains("id=\"answer-form\"", (await centre.GetAsync(page)).Html);

        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        await community.OkAsync(id, "sign");
        await community.OkAsync(id, "reply", new { reply = "已修好" });
        // The answer form still open in the operator's browser, posted with the ticket's current version.
        var html = await (await centre.PostAsync(page, page + "?handler=Answer", ("Version", await RequestPages.VersionAsync(city.App, id)), ("Text", "已电话解答"))).HtmlAsync();
        Assert.Contains("当前状态下不能执行此操作。", html);
        Assert.Equal("Replied", (await hotline.GetTicketAsync(id)).State());
    }

}
