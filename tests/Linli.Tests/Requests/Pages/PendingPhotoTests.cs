using System.Globalization;
using System.Net;
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
public sealed class PendingPhotoTests(CityFixture city)
{
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
        var key = RequestPages.SubmissionKeyOf(form);
        // No description: the form comes back with an error, and the photo is kept.
        var html = await (await client.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, "", key), [("a.png", RequestPages.Png)])).HtmlAsync();
        Assert.Contains("请描述问题。", html);
        Assert.Contains("id=\"kept-photos\"", html);
        Assert.Matches("name=\"KeptPhotos\" value=\"1.png\" checked", html);
        Assert.Equal(key, RequestPages.SubmissionKeyOf(html));
        return key;
    }

    [Fact]
    public async Task A_photo_uploaded_with_a_refused_form_is_saved_with_the_ticket_filed_next_without_choosing_it_again()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var key = await RefusedWithPhotoAsync(resident, category);
        var description = "照片保留-" + Guid.NewGuid().ToString("N")[..8];
        var pendingId = await PendingIdOfAsync("resident", key);
        using var scope = city.App.Services.CreateScope();
        var root = scope.ServiceProvider.GetRequiredService<AttachmentStore<RequestsDbContext>>().Root;
        Assert.True(Directory.Exists(Path.Combine(root, PendingAttachments.Kind, pendingId)));

        var filed = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, description, key, ("KeptPhotos", "1.png")));

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal(1, await PhotosOfAsync(description));
        // Nothing of this form waits any more.
        var pendingOfForm = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Set<Attachment>()
            .CountAsync(a => a.OwnerKind == PendingAttachments.Kind && a.OwnerId == pendingId));
        Assert.Equal(0, pendingOfForm);
        // Nor its folder: each form's pending files have one, which would otherwise stay behind empty.
        Assert.False(Directory.Exists(Path.Combine(root, PendingAttachments.Kind, pendingId)));
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

    [Fact]
    public async Task A_photo_added_after_an_earlier_one_was_unticked_is_named_after_the_highest_kept_number()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var key = await RefusedWithPhotoAsync(resident, category);
        var html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, "", key, ("KeptPhotos", "1.png")), [("b.png", RequestPages.Png)])).HtmlAsync();
        Assert.Matches("name=\"KeptPhotos\" value=\"2.png\" checked", html);

        // 1.png unticked, another photo added: it is 3.png beside 2.png, not a second 2.png.
        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, "", key, ("KeptPhotos", "2.png")), [("c.png", RequestPages.Png)])).HtmlAsync();

        Assert.DoesNotMatch("name=\"KeptPhotos\" value=\"1.png\"", html);
        Assert.Matches("name=\"KeptPhotos\" value=\"2.png\" checked", html);
        Assert.Matches("name=\"KeptPhotos\" value=\"3.png\" checked", html);
    }

    [Fact]
    public async Task A_form_given_a_new_key_after_it_was_filed_and_changed_keeps_its_photos_under_the_new_key()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var (_, form) = await resident.GetAsync("/requests/new");
        var key = RequestPages.SubmissionKeyOf(form);
        var first = "先提交-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Redirect, (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, first, key))).StatusCode);

        // The same form comes back changed, with a photo: it is refused with a new key, and the photo waits under that key.
        var changed = "再提交-" + Guid.NewGuid().ToString("N")[..8];
        var html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, changed, key), [("a.png", RequestPages.Png)])).HtmlAsync();
        Assert.Contains("这张表单已提交过", html);
        var newKey = RequestPages.SubmissionKeyOf(html);
        Assert.NotEqual(key, newKey);
        Assert.Matches("name=\"KeptPhotos\" value=\"1.png\" checked", html);

        var filed = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, changed, newKey, ("KeptPhotos", "1.png")));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.Equal(1, await PhotosOfAsync(changed));
    }

    [Fact]
    public async Task The_expiry_sweep_drops_pending_photos_older_than_a_day_and_keeps_younger_ones()
    {
        var old = "old" + Guid.NewGuid().ToString("N")[..20];
        var young = "young" + Guid.NewGuid().ToString("N")[..20];
        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var now = DateTime.UtcNow;
            foreach (var (owner, hours) in new[] { (old, 25), (young, 23) })
                db.Add(new Attachment
                {
                    OwnerKind = PendingAttachments.Kind, OwnerId = owner, Name = "1.png", ContentType = "image/png", Length = RequestPages.Png.Length,
                    Sha256 = new string('0', 64), Content = RequestPages.Png, CreatedAt = now.AddHours(-hours),
                });
            return await db.SaveChangesAsync();
        });

        Assert.True(await city.App.Services.GetRequiredService<PendingAttachmentsCleanup>().RunOnceAsync(CancellationToken.None) >= 1);

        var left = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Set<Attachment>()
            .Where(a => a.OwnerKind == PendingAttachments.Kind && (a.OwnerId == old || a.OwnerId == young)).Select(a => a.OwnerId).ToListAsync());
        Assert.Equal([young], left);
    }

    private Task<string> PendingIdOfAsync(string userName, string key) => city.App.WithScopeAsync(async sp =>
    {
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Linli.Modules.Accounts.Domain.LinliUser>>();
        return PendingAttachments.Id((await users.FindByNameAsync(userName))!.Id, key);
    });
}
