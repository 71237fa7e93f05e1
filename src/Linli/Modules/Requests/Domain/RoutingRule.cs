using Linli.Modules.Requests.Contracts;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// Where a leaf category's tickets go and how fast: one row per version. Editing a rule adds a version and retires the
/// current one; a ticket keeps the id of the version it was routed under, so its deadlines never change behind it.
/// </summary>
internal sealed class RoutingRule
{
    public const int DefaultDuplicateRadiusMeters = 200;

    public int Id { get; set; }
    public int CategoryId { get; set; }
    public int Version { get; set; }
    public bool IsCurrent { get; set; }

    /// <summary>The responsible department; null sends tickets to the community where it happened.</summary>
    public string? DepartmentCode { get; set; }

    /// <summary>Hours of office time to sign for a ticket (签收), by urgency.</summary>
    public int SignHoursUrgent { get; set; }
    public int SignHoursNormal { get; set; }

    /// <summary>Working days to finish it (办结), by urgency.</summary>
    public int FinishDaysUrgent { get; set; }
    public int FinishDaysNormal { get; set; }

    /// <summary>Open tickets of this category closer than this are offered as duplicates at intake.</summary>
    public int DuplicateRadiusMeters { get; set; } = DefaultDuplicateRadiusMeters;

    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public TimeSpan SignWithin(Urgency urgency) => TimeSpan.FromHours(urgency == Urgency.Urgent ? SignHoursUrgent : SignHoursNormal);

    public int FinishWithinDays(Urgency urgency) => urgency == Urgency.Urgent ? FinishDaysUrgent : FinishDaysNormal;

    public RoutingRule NextVersion() => new()
    {
        CategoryId = CategoryId, Version = Version + 1, IsCurrent = true, DepartmentCode = DepartmentCode,
        SignHoursUrgent = SignHoursUrgent, SignHoursNormal = SignHoursNormal,
        FinishDaysUrgent = FinishDaysUrgent, FinishDaysNormal = FinishDaysNormal,
        DuplicateRadiusMeters = DuplicateRadiusMeters,
    };
}
