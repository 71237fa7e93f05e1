using System.Globalization;
using Linli.Modules.Requests.Data;
using Linli.Platform.Attachments;

namespace Linli.Modules.Requests.Features.Photos;

/// <summary>
/// Photos of a ticket: at most three JPEG, PNG or WebP images, kept by the platform's attachments
/// (Platform/Attachments, docs/how-to/attachments.md) and served only to those who may read the ticket.
/// </summary>
internal sealed class TicketPhotos(AttachmentStore<RequestsDbContext> store)
{
    public const string Kind = "ticket";
    public const int MaxCount = 3;

    /// <summary>The largest multipart body an intake form takes: the photos at the platform's ceiling, and the fields.</summary>
    public const long MaxRequestBytes = MaxCount * AttachmentOptions.MaxBytesCeiling + 1024 * 1024;

    public static readonly AttachmentRules Rules = new(MaxCount, FileSignature.Images);

    /// <summary>Reads and checks the uploads; the first problem found, or the photos.</summary>
    public Task<UploadCheck> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken ct) => store.CheckAsync(files, Rules, ct);

    /// <summary>The message for the photos field, or null when the photos are fine.</summary>
    public static string? Message(UploadCheck check) => check.Problem switch
    {
        UploadProblem.TooMany => "最多上传 3 张照片。",
        UploadProblem.TooLarge => string.Create(CultureInfo.InvariantCulture, $"每张照片不能超过 {check.MaxMegabytes} MB。"),
        UploadProblem.WrongType => "照片只能是 JPEG、PNG 或 WebP 图片。",
        _ => null,
    };

    public Task<IReadOnlyList<Attachment>> SaveAsync(long ticketId, IReadOnlyList<CheckedFile> photos, CancellationToken ct) =>
        store.SaveAsync(Kind, Id(ticketId), photos, ct);

    /// <summary>Keeps the photos of a form shown again until it is filed (<see cref="PendingAttachments"/>).</summary>
    public Task<IReadOnlyList<Attachment>> KeepPendingAsync(string pendingId, IReadOnlyList<CheckedFile> photos, CancellationToken ct) =>
        store.KeepPendingAsync(pendingId, photos, ct);

    /// <summary>Moves a form's kept photos to the id of its new key.</summary>
    public Task<int> MovePendingAsync(string fromPendingId, string toPendingId, CancellationToken ct) => store.MovePendingAsync(fromPendingId, toPendingId, ct);

    /// <summary>The photos a form keeps, as it lists them.</summary>
    public Task<IReadOnlyList<Attachment>> PendingAsync(string pendingId, CancellationToken ct) => store.PendingAsync(pendingId, ct);

    /// <summary>The kept photos still ticked on the form, read back to be saved with the ticket.</summary>
    public Task<IReadOnlyList<CheckedFile>> ReadPendingAsync(string pendingId, IReadOnlyCollection<string> names, CancellationToken ct) =>
        store.ReadPendingAsync(pendingId, names, Rules, ct);

    /// <summary>Drops the kept photos not in <paramref name="keep"/> (all when it is empty).</summary>
    public Task DropPendingAsync(string pendingId, IReadOnlyCollection<string> keep, CancellationToken ct) => store.DropPendingAsync(pendingId, keep, ct);

    /// <summary>The photos of a ticket the caller may read ("1.jpg", …); none otherwise.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(long ticketId, CancellationToken ct) =>
        (await store.ListAsync(Kind, Id(ticketId), ct)).Select(a => a.Name).ToList();

    public Task<IReadOnlyList<Attachment>> ListAsync(long ticketId, CancellationToken ct) => store.ListAsync(Kind, Id(ticketId), ct);

    /// <summary>One photo of a ticket the caller may read, or null.</summary>
    public Task<AttachmentStore<RequestsDbContext>.Content?> OpenAsync(long ticketId, string name, CancellationToken ct) =>
        store.OpenAsync(Kind, Id(ticketId), name, ct);

    private static string Id(long ticketId) => ticketId.ToString(CultureInfo.InvariantCulture);
}
