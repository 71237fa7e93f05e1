using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Linli.Modules.Requests.Data;
using Linli.Platform.Attachments;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Pages;

/// <summary>
/// Photos uploaded with a form that comes back with an error wait as pending attachments under the user's form, are
/// listed ticked on the form shown again, and are saved with the ticket when it is filed: nobody chooses them twice.
/// </summary>
[Collection("city")]
public sealed partial class PendingPhotoTests(CityFixture city)
{
    [GeneratedRegex("name=\"SubmissionKey\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();

    private static (string, string)[] Fields(int category, string description, string key, params (string, string)[] more) =>
    [
        ("Description", description), ("CategoryId", category.ToString(CultureInfo.InvariantCulture)), ("CommunityCode", CityFixture.CommunityA),
        ("Urgency", "Normal"), ("Step", "file"), ("SubmissionKey", key), .. more,
    ];

    private Task<int> PhotosOfAsync(string description) => city.App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<RequestsDbContext>();
        var id = (await db.Tickets.IgnoreQueryFilters().SingleAsync(t => t.Description == description)).Id.ToString(CultureInfo.InvariantCulture);
        return await db.Set<Attachment>().CountAsync(a => a.OwnerKind == "ticket" && a.OwnerId == id);
    });

    private static async Task<string> RefusedWithPhotoAsync(PageClient client, int category)
    {
        var (_, form) = await client.GetAsync("/requests/new");
        var key = KeyField().Match(form).Groups[1].Value;
        // No description: the form comes back with an error, and the photo is kept.
        var html = await (await client.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, "", key), [("a.png", RequestPages.Png)])).HtmlAsync();
        Assert.Contains("请描述问题。", html);
        Assert.Contains("id=\"kept-photos\"", html);
        Assert.Matches("name=\"KeptPhotos\" value=\"1.png\" checked", html);
        Assert.Equal(key, KeyField().Match(html).Groups[1].Value);
        return key;
    }

    [Fact]
    public async Task A_photo_uploaded_with_a_refused_form_is_saved_with_the_ticket_filed_next_without_choosing_it_again()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var key = await RefusedWithPhotoAsync(resident, category);
        var description = "照片保留-" + Guid.NewGuid().ToString("N")[..8];

        var filed = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description, key, ("KeptPhotos", "1.png")));

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal(1, await PhotosOfAsync(description));
        // Nothing of this form waits any more.
        var pendingId = await PendingIdOfAsync("resident", key);
        var pendingOfForm = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Set<Attachment>()
            .CountAsync(a => a.OwnerKind == PendingAttachments.Kind && a.OwnerId == pendingId));
        Assert.Equal(0, pendingOfForm);
    }

    [Fact]
    public async Task A_kept_photo_unticked_is_not_saved_and_another_user_cannot_claim_a_form_s_photos()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var key = await RefusedWithPhotoAsync(resident, category);

        // Another resident posting the same form key and the photo's name gets nothing of it.
        await city.App.CreateUserAsync("resident.photos", Linli.Platform.Auth.Roles.Resident);
        var other = await PageClient.SignedInAsync(city.App, "resident.photos");
        var stolen = "他人照片-" + Guid.NewGuid().ToString("N")[..8];
        var response = await other.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, stolen, key, ("KeptPhotos", "1.png")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await PhotosOfAsync(stolen));

        // The owner unticks it: the ticket has no photo.
        var description = "取消照片-" + Guid.NewGuid().ToString("N")[..8];
        var filed = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description, key));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal(0, await PhotosOfAsync(description));
    }

    private Task<string> PendingIdOfAsync(string userName, string key) => city.App.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Linli.Modules.Accounts.Domain.LinliUser>>();
        return PendingAttachments.Id((await users.FindByNameAsync(userName))!.Id, key);
    });
}
