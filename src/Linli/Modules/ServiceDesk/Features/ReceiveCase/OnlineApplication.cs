using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseFiles;
using Linli.Platform.Attachments;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.ReceiveCase;

/// <summary>What an online application ended in: the case just received, or the answer first given under its key.</summary>
internal sealed record OnlineApplicationOutcome(ServiceCase? Case, IdempotentAnswer? Earlier);

/// <summary>
/// 网上办: the one online intake the API (POST /api/service-cases/online) and the resident's page share. The files come
/// checked (by content and size, <see cref="CaseMaterialFiles"/>), each set for one material of the item by its position
/// in the list; the case is received by <see cref="CaseIntake"/> (the same intake as the window's, which also marks the
/// 免提交 materials the platform can supply for the applicant as supplied) with the materials handed in marked received, and the case, its files and the idempotency record are committed in one transaction: a refusal
/// anywhere leaves no case, no file row and no file behind.
/// </summary>
internal sealed class OnlineApplication(ServiceDeskDbContext db, CaseIntake intake, CaseMaterialFiles files, IdempotencyStore<ServiceDeskDbContext> idempotency)
{
    /// <param name="materials">Checked files per material position (1, 2, …); an empty list is no file.</param>
    /// <param name="key">The submission's key, if any: a repeat answers the first answer and receives nothing.</param>
    /// <param name="answer">The answer kept under <paramref name="key"/>, built once the case has its id.</param>
    public async Task<OnlineApplicationOutcome> ApplyAsync(ApplicantInput applicant, string? itemCode, IReadOnlyDictionary<int, IReadOnlyList<CheckedFile>> materials,
        CaseActor actor, IdempotencyKey? key, Func<ServiceCase, IdempotentAnswer> answer, CancellationToken ct)
    {
        if (key is not null && await idempotency.FindAsync(key, ct) is { } earlier) return new OnlineApplicationOutcome(null, earlier);
        var handedIn = materials.Where(m => m.Value.Count > 0).OrderBy(m => m.Key).ToList();
        if (handedIn.Sum(m => m.Value.Count) > CaseMaterialFiles.MaxPerApplication)
            throw ValidationFailedException.For("materials", "一次申请最多上传 {0} 个文件。", CaseMaterialFiles.MaxPerApplication);

        var c = await intake.ReceiveAsync(applicant, itemCode, HandlingModes.Online, actor, [], ct);
        var toSave = new List<(CaseMaterial Material, IReadOnlyList<CheckedFile> Files)>();
        foreach (var (position, list) in handedIn)
        {
            var material = c.Materials.FirstOrDefault(m => m.Position == position)
                           ?? throw ValidationFailedException.For(CaseMaterialFiles.Field(position), "此事项没有第 {0} 项申请材料。", position);
            if (list.Count > CaseMaterialFiles.MaxPerMaterial)
                throw ValidationFailedException.For(CaseMaterialFiles.Field(position), "每项材料最多上传 {0} 个文件。", CaseMaterialFiles.MaxPerMaterial);
            // Handed in as files: received, electronically (the case lists the files under the material) — unless the
            // platform supplies it (免提交), which stays the record; the file is kept beside it.
            if (material.Status != MaterialStatus.Supplied)
            {
                material.Status = MaterialStatus.Received;
                material.UpdatedAt = c.ReceivedAt;
            }
            toSave.Add((material, list));
        }

        var saved = new List<Attachment>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            foreach (var (material, list) in toSave) saved.AddRange(await files.SaveAsync(c.Id, material.MaterialId, list, ct));
            if (key is not null)
            {
                db.Set<IdempotencyRecord>().Add(idempotency.Record(key, answer(c)));
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return new OnlineApplicationOutcome(c, null);
        }
        catch (Exception e)
        {
            // Rolled back: the files written for the rows are removed too.
            files.Discard(saved);
            // A concurrent submission under the same key committed first: its answer is this one's.
            if (e is DbUpdateException && key is not null && await idempotency.AfterConflictAsync(key, ct) is { } first) return new OnlineApplicationOutcome(null, first);
            throw;
        }
    }
}
