using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Photos;

internal sealed record TicketPhoto(string Name, string ContentType, long Length, string Url);

/// <summary>A ticket's photos over the API: listed, fetched, and added to an open ticket; outside the caller's scope, 404.</summary>
internal static class TicketPhotoEndpoints
{
    public const string Field = "photos";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/{id:long}/photos", async Task<Ok<IReadOnlyList<TicketPhoto>>> (long id, TicketPhotos photos, RequestsDbContext db, CancellationToken ct) =>
            {
                await RequireTicketAsync(db, id, ct);
                IReadOnlyList<TicketPhoto> list = View(id, await photos.ListAsync(id, ct));
                return TypedResults.Ok(list);
            })
            .WithName("ListTicketPhotos")
            .WithSummary("The photos of a ticket in the caller's scope.");

        api.MapGet("/{id:long}/photos/{name}", async Task<Results<FileStreamHttpResult, NotFound>> (long id, string name, TicketPhotos photos, HttpContext http, CancellationToken ct) =>
            {
                if (await photos.OpenAsync(id, name, ct) is not { } photo) return TypedResults.NotFound();
                http.Response.Headers.CacheControl = "private, max-age=3600";
                return TypedResults.File(photo.Stream, photo.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo.Sha256}\""));
            })
            .WithName("GetTicketPhoto")
            .WithSummary("One photo of a ticket in the caller's scope; its type was decided by its content when it was taken.");

        api.MapPost("/{id:long}/photos", async Task<Created<IReadOnlyList<TicketPhoto>>> (long id, HttpContext http, TicketPhotos photos, RequestsDbContext db, CancellationToken ct) =>
            {
                var state = await RequireTicketAsync(db, id, ct);
                if (!http.Request.HasFormContentType) throw ValidationFailedException.For(Field, "请以 multipart/form-data 上传照片。");
                var files = (await http.Request.ReadFormAsync(ct)).Files.GetFiles(Field);
                if (state is TicketState.Closed or TicketState.Merged) throw new ConflictException(new Phrase("工单 {0} 已结束：只能为办理中的工单添加照片。", id), new Dictionary<string, object?> { ["state"] = state });
                var check = await photos.CheckAsync(files, ct);
                var taken = (await photos.ListAsync(id, ct)).Count;
                if (check.Ok && taken + check.Files.Count > TicketPhotos.MaxCount) check = check with { Problem = Platform.Attachments.UploadProblem.TooMany };
                if (TicketPhotos.Message(check) is { } message) throw ValidationFailedException.For(Field, message);
                await photos.SaveAsync(id, check.Files, ct);
                IReadOnlyList<TicketPhoto> list = View(id, await photos.ListAsync(id, ct));
                return TypedResults.Created($"/api/requests/tickets/{id}/photos", list);
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(TicketPhotos.MaxRequestBytes))
            .WithName("AddTicketPhotos")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithSummary("Adds photos (multipart field 'photos', JPEG/PNG/WebP by content, three per ticket at most) to an open ticket in the caller's scope.");
    }

    private static async Task<TicketState> RequireTicketAsync(RequestsDbContext db, long id, CancellationToken ct) =>
        await db.Tickets.AsNoTracking().Where(t => t.Id == id).Select(t => (TicketState?)t.State).FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("工单 {0} 不存在。", id);

    private static List<TicketPhoto> View(long id, IReadOnlyList<Platform.Attachments.Attachment> rows) =>
        rows.Select(a => new TicketPhoto(a.Name, a.ContentType, a.Length, $"/api/requests/tickets/{id}/photos/{a.Name}")).ToList();
}
