using Linli.Platform.Auth;

namespace Linli.Modules.Indicators.Domain.DataEntry;

/// <summary>Who takes part in data entry: the community fills in, the street and the district review (the role decides which step, EntryTransitions).</summary>
internal static class DataEntryPermissions
{
    public const string EnterData = "indicators.entries";

    public static readonly Permission[] Declared =
    [
        new(EnterData, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff]),
    ];

    // Audit codes of this module: Platform/Audit/AuditActions.cs lists the shared ones; until they are added there these
    // are shown as stored.
    public const string AuditAction = Platform.Audit.AuditActions.IndicatorEntryChanged;
    public const string AuditSubject = Platform.Audit.AuditSubjects.IndicatorEntry;
}
