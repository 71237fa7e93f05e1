namespace Linli.Platform.Auth;

/// <summary>The permissions of what Platform itself owns: the audit log and the holiday calendar.</summary>
internal static class PlatformPermissions
{
    public const string ReadAudit = "audit.read";
    /// <summary>The holiday calendar (official notices of holidays and weekend days worked instead) all deadlines count by.</summary>
    public const string ManageCalendar = "calendar.manage";

    public static readonly Permission[] Declared =
    [
        new(ReadAudit, [Roles.Supervisor, Roles.Administrator]),
        new(ManageCalendar, [Roles.Administrator]),
    ];
}
