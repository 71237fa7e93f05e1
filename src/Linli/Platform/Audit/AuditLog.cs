using Linli.Platform.Auth;

namespace Linli.Platform.Audit;

/// <summary>Writes audit entries; the only way modules record a full view of personal data.</summary>
internal interface IAuditLog
{
    Task RecordAsync(string action, string subjectType, string subjectId, string regionCode, string field, string reason, CancellationToken cancellationToken = default);
}

internal sealed class AuditLog(AuditDbContext db, IAreaScope caller, TimeProvider clock) : IAuditLog
{
    public async Task RecordAsync(string action, string subjectType, string subjectId, string regionCode, string field, string reason, CancellationToken cancellationToken = default)
    {
        db.Entries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            UserId = caller.UserId ?? "",
            UserName = caller.UserName ?? "",
            Action = action,
            SubjectType = subjectType,
            SubjectId = subjectId,
            RegionCode = regionCode,
            Field = field,
            Reason = reason,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
