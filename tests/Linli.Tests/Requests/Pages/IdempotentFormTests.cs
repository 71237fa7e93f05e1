using System.Globalization;
using System.Net;
using Linli.Modules.Requests.Data;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Pages;

/// <summary>
/// Every intake form carries a key made when it is shown: submitting it twice (a double-click, a resubmit after the
/// answer was lost) shows the first submission's ticket and files nothing more.
/// </summary>
[Collection("city")]
public sealed class IdempotentFormTests(CityFixture city)
{
    private static async Task<string> KeyAsync(PageClient client, string page)
    {
        var (status, html) = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var key = RequestPages.SubmissionKeyOf(html);
        Assert.Matches("^[0-9a-f]{32}$", key);
        return key;
    }

    private static (string, string)[] Fields(int category, string description, string key) =>
    [
        ("Description", description), ("CategoryId", category.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("CommunityCode", CityFixture.CommunityA),
        ("ContactPhone", "13900002222"), ("Urgency", "Normal"), ("Step", "file"), ("SubmissionKey", key),
    ];

    private Task<int> TicketsWithAsync(string description) => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().CountAsync(t => t.Description == description));

    [Fact]
    public async Task A_resident_form_submitted_twice_files_once_and_shows_the_first_ticket()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var key = await KeyAsync(resident, "/requests/new");
        var description = "重复提交-" + Guid.NewGuid().ToString("N")[..8];

        var first = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description, key), [("a.png", RequestPages.Png)]);
        var second = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description, key), [("a.png", RequestPages.Png)]);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Matches(@"^/requests/track/\d{14}$", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await TicketsWithAsync(description));
        var (_, track) = await resident.GetAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("这张表单已经提交过，未重复受理", track);

        // The form comes back with what was typed after a validation error, with the same key: a new key only for a new form.
        var (_, fresh) = await resident.GetAsync("/requests/new");
        Assert.NotEqual(key, RequestPages.SubmissionKeyOf(fresh));
    }

    [Fact]
    public async Task The_same_form_sent_back_changed_says_so_and_files_the_change_only_when_sent_again()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var key = await KeyAsync(resident, "/requests/new");
        var description = "改后重交-" + Guid.NewGuid().ToString("N")[..8];
        var first = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description, key));
        var number = first.Headers.Location!.OriginalString[^14..];

        var changed = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description + "补充", key))).HtmlAsync();
        Assert.Contains($"这张表单已提交过（诉求编号 {number}）", changed);
        Assert.Contains(description + "补充", changed); // nothing typed is lost
        Assert.Equal(0, await TicketsWithAsync(description + "补充"));
        var newKey = RequestPages.SubmissionKeyOf(changed);
        Assert.NotEqual(key, newKey);

        var again = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description + "补充", newKey));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await TicketsWithAsync(description + "补充"));
    }

    [Fact]
    public async Task The_console_submitted_twice_files_and_dispatches_once()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var console = await PageClient.SignedInAsync(city.App, "hotline");
        var key = await KeyAsync(console, "/requests/console");
        var description = "接件台重复-" + Guid.NewGuid().ToString("N")[..8];
        (string, string)[] fields = [.. Fields(category, description, key), ("Then", "dispatch"), ("DispatchTo", "community")];

        var first = await console.PostMultipartAsync("/requests/console", "/requests/console", fields);
        var second = await console.PostMultipartAsync("/requests/console", "/requests/console", fields);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await TicketsWithAsync(description));
        var ticket = await (await city.App.ClientForAsync("hotline")).GetTicketAsync(long.Parse(second.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture));
        Assert.Equal("Dispatched", ticket.State());
        Assert.Single(RequestsApi.ActionsOf(ticket), a => a == "Dispatch");
        var (_, page) = await console.GetAsync(second.Headers.Location!.OriginalString);
        Assert.Contains("这张表单已经提交过，未重复受理", page);
    }

    [Fact]
    public async Task A_patrol_report_submitted_twice_files_once()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        await city.App.CreateUserAsync("grid.twice", Linli.Platform.Auth.Roles.GridWorker, grid.Code);
        var worker = await PageClient.SignedInAsync(city.App, "grid.twice");
        var key = await KeyAsync(worker, "/requests/patrol");
        var description = "巡查重复-" + Guid.NewGuid().ToString("N")[..8];
        (string, string)[] fields = [("Description", description), ("CategoryId", category.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Urgency", "Normal"), ("Step", "file"), ("SubmissionKey", key)];

        var first = await worker.PostMultipartAsync("/requests/patrol", "/requests/patrol", fields);
        var second = await worker.PostMultipartAsync("/requests/patrol", "/requests/patrol", fields);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await TicketsWithAsync(description));
        var number = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters()
            .Where(t => t.Description == description).Select(t => t.Number).SingleAsync());
        Assert.Contains(number, (await worker.GetAsync("/requests/patrol")).Html);
    }
}
