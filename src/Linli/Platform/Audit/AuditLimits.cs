namespace Linli.Platform.Audit;

/// <summary>Column lengths of the audit log; values longer than these are cut before they are hashed and stored.</summary>
internal static class AuditLimits
{
    public const int UserId = 64, UserName = 256, Code = 64, SubjectLabel = 200, RegionCode = 15, Reason = 500, KeyId = 16;
}
