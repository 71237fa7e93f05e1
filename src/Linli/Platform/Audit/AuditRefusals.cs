using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit;

/// <summary>A record as the audit log names it: its id, its region, a readable label (never a personal number).</summary>
internal sealed record AuditSubjectRef(string Id, string RegionCode, string Label);

internal static class AuditRefusals
{
    /// <summary>
    /// On the not-found path of opening one record: when <paramref name="unfiltered"/> (the same lookup without the
    /// caller's scope filter) finds the record, the attempt was outside the caller's scope and is recorded, in the
    /// record's own region, so that its supervisors see who tried. The caller answers the same 404 either way.
    /// </summary>
    public static async Task<bool> RecordIfOutOfScopeAsync(this IAuditLog audit, string subjectType, IQueryable<AuditSubjectRef> unfiltered,
        CancellationToken cancellationToken = default)
    {
        if (await unfiltered.FirstOrDefaultAsync(cancellationToken) is not { } subject) return false;
        await audit.RecordAsync(new AuditRecord(AuditActions.OutOfScope, subjectType, subject.Id, subject.RegionCode) { SubjectLabel = subject.Label },
            cancellationToken);
        return true;
    }
}
