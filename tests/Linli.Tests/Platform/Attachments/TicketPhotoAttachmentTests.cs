using System.Net;
using System.Net.Http.Headers;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.Photos;
using Linli.Platform.Attachments;
using Linli.Platform.Auth;
using Linli.Platform.Startup;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform.Attachments;

/// <summary>Uploads a ticket's photos through the API as a client would (multipart field "photos").</summary>
internal static class PhotoApi
{
    public static async Task<HttpResponseMessage> PostPhotosAsync(this HttpClient client, long ticketId, params (string FileName, string ClaimedType, byte[] Content)[] files)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (fileName, claimed, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(claimed);
            content.Add(file, "photos", fileName);
        }
        return await client.PostAsync($"/api/requests/tickets/{ticketId}/photos", content);
    }

    public static async Task<long> NewTicketAsync(LinliFactory app, HttpClient filer) =>
        (await filer.FileAsync(await RequestsApi.NewLeafAsync(app))).Id();

    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"u8.ToArray();
    public static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();
}

/// <summary>
/// The platform's attachments with Requests' ticket photos as their user, on the default folder storage: checked by
/// content and size, round-tripped byte for byte, and served only to callers who may read the ticket.
/// </summary>
[Collection("city2")]
public sealed class TicketPhotoAttachmentTests(CityFixture city)
{
    [Theory]
    [InlineData("pdf")]
    [InlineData("html")]
    public async Task A_file_claimed_as_jpeg_whose_bytes_are_not_an_image_is_refused_naming_the_field(string kind)
    {
        var api = await city.App.ClientForAsync("cw.a");
        var id = await PhotoApi.NewTicketAsync(city.App, api);

        var response = await api.PostPhotosAsync(id, ("photo.jpg", "image/jpeg", kind == "pdf" ? PhotoApi.Pdf : PhotoApi.Html));

        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Contains("JPEG", problem.GetProperty("errors").GetProperty("photos")[0].GetString());
        Assert.Empty((await (await api.GetAsync($"/api/requests/tickets/{id}/photos")).Json(HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_naming_the_field()
    {
        var api = await city.App.ClientForAsync("cw.a");
        var id = await PhotoApi.NewTicketAsync(city.App, api);

        var response = await api.PostPhotosAsync(id, ("big.jpg", "image/jpeg", RequestPages.Jpeg(5 * 1024 * 1024 + 1)));

        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Equal("每张照片不能超过 5 MB。", problem.GetProperty("errors").GetProperty("photos")[0].GetString());
    }

    [Fact]
    public async Task More_photos_than_a_ticket_takes_are_refused_however_they_are_split()
    {
        var api = await city.App.ClientForAsync("cw.a");
        var id = await PhotoApi.NewTicketAsync(city.App, api);
        await (await api.PostPhotosAsync(id, ("a.png", "image/png", RequestPages.Png), ("b.png", "image/png", RequestPages.Png))).Json(HttpStatusCode.Created);

        var problem = await (await api.PostPhotosAsync(id, ("c.png", "image/png", RequestPages.Png), ("d.png", "image/png", RequestPages.Png))).Json(HttpStatusCode.BadRequest);

        Assert.Equal("最多上传 3 张照片。", problem.GetProperty("errors").GetProperty("photos")[0].GetString());
    }

    [Fact]
    public async Task Folder_storage_round_trips_the_bytes_with_the_type_read_from_the_content()
    {
        var api = await city.App.ClientForAsync("cw.a");
        var id = await PhotoApi.NewTicketAsync(city.App, api);
        var jpeg = RequestPages.Jpeg(2048);

        // The client's claims (a .png name, a text/plain header) are ignored: the bytes are a JPEG.
        var listed = await (await api.PostPhotosAsync(id, ("shot.png", "text/plain", jpeg))).Json(HttpStatusCode.Created);

        var photo = Assert.Single(listed.EnumerateArray());
        Assert.Equal("1.jpg", photo.GetProperty("name").GetString());
        Assert.Equal("image/jpeg", photo.GetProperty("contentType").GetString());
        var fetched = await api.GetAsync(photo.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal("image/jpeg", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, await fetched.Content.ReadAsByteArrayAsync());

        var row = await StoredAsync(city.App, id);
        Assert.Null(row.Content);
        var file = Path.Combine(city.App.DataFolder, "attachments", row.StoredFile!);
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(file));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, "*.tmp"));
    }

    [Fact]
    public async Task Photos_saved_before_attachments_existed_become_the_tickets_attachments_once_and_in_order()
    {
        var api = await city.App.ClientForAsync("cw.a");
        var id = await PhotoApi.NewTicketAsync(city.App, api);
        // The layout of the photos before the platform kept them: requests/photos/{ticket}/{n}.{ext}, no row.
        var old = Path.Combine(city.App.DataFolder, "requests", "photos", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(old);
        var jpeg = RequestPages.Jpeg(3000);
        await File.WriteAllBytesAsync(Path.Combine(old, "2.jpg"), jpeg);
        await File.WriteAllBytesAsync(Path.Combine(old, "1.png"), RequestPages.Png);

        // Twice, as after a start stopped half-way: the second finds nothing more to do.
        for (var run = 0; run < 2; run++)
            await city.App.WithScopeAsync(async sp =>
            {
                await sp.GetServices<IStartupTask>().OfType<AdoptEarlierPhotos>().Single().RunAsync(CancellationToken.None);
                return true;
            });

        var listed = (await (await api.GetAsync($"/api/requests/tickets/{id}/photos")).Json(HttpStatusCode.OK)).EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["1.png", "2.jpg"], listed);
        Assert.Equal(jpeg, await (await api.GetAsync($"/api/requests/tickets/{id}/photos/2.jpg")).Content.ReadAsByteArrayAsync());
        Assert.False(Directory.Exists(old));
    }

    [Fact]
    public async Task A_reader_outside_the_tickets_scope_can_neither_list_fetch_nor_add_its_photos()
    {
        var api = await city.App.ClientForAsync("cw.a");
        var id = await PhotoApi.NewTicketAsync(city.App, api);
        await (await api.PostPhotosAsync(id, ("a.png", "image/png", RequestPages.Png))).Json(HttpStatusCode.Created);

        var outsider = await city.App.ClientForAsync("cw.b");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/requests/tickets/{id}/photos")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/requests/tickets/{id}/photos/1.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostPhotosAsync(id, ("b.png", "image/png", RequestPages.Png))).StatusCode);
        // The one who may read it still can, and a name that is not one of the ticket's photos is not found.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/requests/tickets/{id}/photos/1.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/requests/tickets/{id}/photos/..%2F..%2Flinli.db")).StatusCode);
    }

    [Fact]
    public async Task When_the_rows_cannot_be_saved_the_files_already_moved_into_the_folder_are_removed()
    {
        var api = await city.App.ClientForAsync("cw.a");
        var id = (await PhotoApi.NewTicketAsync(city.App, api)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var folder = Path.Combine(city.App.DataFolder, "attachments", "ticket", id);

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => city.App.WithScopeAsync(async sp =>
        {
            // Another save takes the name this one takes ("1.png") at the same moment: its row goes in with this one's.
            sp.GetRequiredService<RequestsDbContext>().Set<Attachment>()
                .Add(new Attachment { OwnerKind = "ticket", OwnerId = id, Name = "1.png", ContentType = "image/png", Sha256 = "00", Content = [1] });
            var store = sp.GetRequiredService<AttachmentStore<RequestsDbContext>>();
            return await store.SaveAsync("ticket", id, [new CheckedFile(RequestPages.Png, FileSignature.Png)], CancellationToken.None);
        }));

        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0, "a file without its row was left behind");
    }

    internal static Task<Attachment> StoredAsync(LinliFactory app, long ticketId) => app.WithScopeAsync(sp =>
    {
        var owner = ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return sp.GetRequiredService<RequestsDbContext>().Set<Attachment>().AsNoTracking().SingleAsync(a => a.OwnerKind == "ticket" && a.OwnerId == owner);
    });
}

/// <summary>The same photos with Attachments:Storage=Database: the bytes live in the row, and no file is written.</summary>
public sealed class DatabaseAttachmentStorageTests : IAsyncLifetime
{
    private sealed class App : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Attachments:Storage", "Database")];
    }

    private readonly App _app = new();

    public async Task InitializeAsync()
    {
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("cw.b", Roles.CommunityWorker, CityFixture.CommunityB);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Database_storage_round_trips_the_bytes_and_writes_no_file()
    {
        var api = await _app.ClientForAsync("hotline");
        var id = await PhotoApi.NewTicketAsync(_app, api);

        var listed = await (await api.PostPhotosAsync(id, ("a.png", "image/png", RequestPages.Png), ("b.jpg", "image/jpeg", RequestPages.Jpeg(4096)))).Json(HttpStatusCode.Created);

        Assert.Equal(["1.png", "2.jpg"], listed.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var png = await api.GetAsync($"/api/requests/tickets/{id}/photos/1.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RequestPages.Png, await png.Content.ReadAsByteArrayAsync());
        Assert.Equal(RequestPages.Jpeg(4096), await (await api.GetAsync($"/api/requests/tickets/{id}/photos/2.jpg")).Content.ReadAsByteArrayAsync());
        var owner = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await _app.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Set<Attachment>().AsNoTracking().Where(a => a.OwnerId == owner).ToListAsync());
        Assert.All(rows, r => Assert.Null(r.StoredFile));
        Assert.Equal(RequestPages.Png, rows.Single(r => r.Name == "1.png").Content);
        Assert.False(Directory.Exists(Path.Combine(_app.DataFolder, "attachments")));

        var outsider = await _app.ClientForAsync("cw.b");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/requests/tickets/{id}/photos/1.png")).StatusCode);
    }
}

/// <summary>The signature check itself, without HTTP.</summary>
public sealed class FileSignatureTests
{
    [Fact]
    public void Images_are_told_by_their_first_bytes_and_anything_else_is_not_an_image()
    {
        Assert.Equal(FileSignature.Jpeg, FileSignature.Of(RequestPages.Jpeg(16), FileSignature.Images));
        Assert.Equal(FileSignature.Png, FileSignature.Of(RequestPages.Png, FileSignature.Images));
        Assert.Equal(FileSignature.WebP, FileSignature.Of("RIFF\0\0\0\0WEBPVP8 "u8, FileSignature.Images));
        Assert.Null(FileSignature.Of(PhotoApi.Pdf, FileSignature.Images));
        Assert.Null(FileSignature.Of(PhotoApi.Html, FileSignature.Images));
        Assert.Null(FileSignature.Of([0xFF, 0xD8], FileSignature.Images));
        // A type outside the allowed list is refused even when recognised.
        Assert.Equal(FileSignature.Pdf, FileSignature.Of(PhotoApi.Pdf, [FileSignature.Pdf]));
        Assert.Null(FileSignature.Of(RequestPages.Png, [FileSignature.Pdf]));
    }
}
