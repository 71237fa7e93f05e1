using System.Globalization;
using Linli.Modules.ServiceDesk.Data;
using Linli.Platform.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.CaseFiles;

/// <summary>A file handed in for one material of a case, as the case's views list it.</summary>
internal sealed record CaseFileView(string Name, string ContentType, long Length, string Url);

/// <summary>
/// The electronic materials of a case (网上办): PDF, JPEG or PNG files, checked by content and size by the platform's
/// attachments (Platform/Attachments, docs/how-to/attachments.md). Each file belongs to one material of the case: its
/// owner is "{case id}-{material id}" (the item version's material), so the case's material list shows which material
/// it is, and it is served only to those who may see the case (the case's scope filter decides).
/// </summary>
internal sealed class CaseMaterialFiles(AttachmentStore<ServiceDeskDbContext> store)
{
    public const string Kind = "case-material";

    /// <summary>Files for one material at most (a document's pages as images, or one PDF).</summary>
    public const int MaxPerMaterial = 3;

    /// <summary>Files for one application at most, whatever the materials.</summary>
    public const int MaxPerApplication = 12;

    /// <summary>The largest multipart body an online application takes: every file at the platform's ceiling, and the fields.</summary>
    public const long MaxRequestBytes = MaxPerApplication * AttachmentOptions.MaxBytesCeiling + 1024 * 1024;

    public static readonly AttachmentRules Rules = new(MaxPerMaterial, FileSignature.Documents);

    /// <summary>The format's name as people know it ("PDF", "JPEG", "PNG"), for labels: never the stored name's extension.</summary>
    public static string Format(string contentType) => contentType switch
    {
        "application/pdf" => "PDF",
        "image/jpeg" => "JPEG",
        "image/png" => "PNG",
        _ => "—",
    };

    /// <summary>The form field of a material's files: its position in the item's list ("materials[2]").</summary>
    public static string Field(int position) => "materials[" + position.ToString(CultureInfo.InvariantCulture) + "]";

    public static string OwnerId(long caseId, long materialId) =>
        caseId.ToString(CultureInfo.InvariantCulture) + "-" + materialId.ToString(CultureInfo.InvariantCulture);

    public static string Url(long caseId, long materialId, string name) =>
        $"/api/service-cases/{caseId.ToString(CultureInfo.InvariantCulture)}/materials/{materialId.ToString(CultureInfo.InvariantCulture)}/files/{Uri.EscapeDataString(name)}";

    /// <summary>Reads and checks one material's uploads; the first problem found, or the files.</summary>
    public Task<UploadCheck> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken ct) => store.CheckAsync(files, Rules, ct);

    /// <summary>The message (a key of the shared resources) and its argument for a material's field, or null when the files are fine.</summary>
    public static (string Key, object[] Arguments)? Message(UploadCheck check) => check.Problem switch
    {
        UploadProblem.TooMany => ("每项材料最多上传 {0} 个文件。", [MaxPerMaterial]),
        UploadProblem.TooLarge => ("每个文件不能超过 {0} MB。", [check.MaxMegabytes]),
        UploadProblem.WrongType => ("材料文件只能是 PDF、JPEG 或 PNG（按文件内容识别）。", []),
        _ => null,
    };

    /// <summary>Saves a material's checked files under the case (inside the caller's transaction; see <see cref="Discard"/>).</summary>
    public Task<IReadOnlyList<Attachment>> SaveAsync(long caseId, long materialId, IReadOnlyList<CheckedFile> files, CancellationToken ct) =>
        store.SaveAsync(Kind, OwnerId(caseId, materialId), files, ct);

    /// <summary>The saved files' own files, after the transaction that saved their rows was rolled back.</summary>
    public void Discard(IEnumerable<Attachment> saved) => store.DiscardRolledBack(saved);

    /// <summary>Every material's files of a case the caller may see (by material id), one query; none otherwise.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<CaseFileView>>> ListAsync(long caseId, IEnumerable<long> materialIds, CancellationToken ct)
    {
        var owners = materialIds.Distinct().ToDictionary(m => OwnerId(caseId, m), m => m, StringComparer.Ordinal);
        var rows = await store.ListManyAsync(Kind, owners.Keys, ct);
        return rows.ToDictionary(r => owners[r.Key],
            r => (IReadOnlyList<CaseFileView>)r.Value.Select(a => new CaseFileView(a.Name, a.ContentType, a.Length, Url(caseId, owners[r.Key], a.Name))).ToList());
    }

    /// <summary>One file of a case the caller may see, or null.</summary>
    public Task<AttachmentStore<ServiceDeskDbContext>.Content?> OpenAsync(long caseId, long materialId, string name, CancellationToken ct) =>
        store.OpenAsync(Kind, OwnerId(caseId, materialId), name, ct);

    // ---- a form shown again keeps its files (PendingAttachments), one pending owner per material --------------------------

    /// <summary>The pending owner of one material's files on one user's form.</summary>
    public static string PendingId(string userId, string formKey, int position) =>
        PendingAttachments.Id(userId, formKey + "#" + position.ToString(CultureInfo.InvariantCulture));

    public Task<IReadOnlyList<Attachment>> KeepPendingAsync(string pendingId, IReadOnlyList<CheckedFile> files, CancellationToken ct) =>
        store.KeepPendingAsync(pendingId, files, ct);

    public Task<IReadOnlyList<Attachment>> PendingAsync(string pendingId, CancellationToken ct) => store.PendingAsync(pendingId, ct);

    public Task<IReadOnlyList<CheckedFile>> ReadPendingAsync(string pendingId, IReadOnlyCollection<string> names, CancellationToken ct) =>
        store.ReadPendingAsync(pendingId, names, Rules, ct);

    public Task DropPendingAsync(string pendingId, IReadOnlyCollection<string> keep, CancellationToken ct) => store.DropPendingAsync(pendingId, keep, ct);

    public Task<int> MovePendingAsync(string fromPendingId, string toPendingId, CancellationToken ct) => store.MovePendingAsync(fromPendingId, toPendingId, ct);
}

/// <summary>
/// A case's material files may be read by whoever may see the case: it is found through the scoped context (the accepting
/// and home communities, the deciding department, the applicant's own account, the city).
/// </summary>
internal sealed class CaseMaterialFileOwner(ServiceDeskDbContext db) : IAttachmentOwner
{
    public string Kind => CaseMaterialFiles.Kind;

    public async Task<bool> MayReadAsync(string ownerId, CancellationToken cancellationToken) =>
        (await ReadableAsync([ownerId], cancellationToken)).Count == 1;

    public async Task<IReadOnlySet<string>> ReadableAsync(IReadOnlyCollection<string> ownerIds, CancellationToken cancellationToken)
    {
        var parsed = ownerIds.Select(o => (Owner: o, Case: CaseOf(o))).Where(x => x.Case is not null).ToList();
        var caseIds = parsed.Select(x => x.Case!.Value).Distinct().ToList();
        if (caseIds.Count == 0) return new HashSet<string>();
        var visible = (await db.ServiceCases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();
        return parsed.Where(x => visible.Contains(x.Case!.Value)).Select(x => x.Owner).ToHashSet(StringComparer.Ordinal);
    }

    private static long? CaseOf(string ownerId)
    {
        var dash = ownerId.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && long.TryParse(ownerId.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
               && long.TryParse(ownerId.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? id : null;
    }
}
