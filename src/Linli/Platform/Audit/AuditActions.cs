namespace Linli.Platform.Audit;

/// <summary>
/// The actions the audit log records, by the stable name stored in <see cref="AuditEntry.Action"/>. The audit page
/// shows each by its Chinese (or English) label; a new action is added here first.
/// </summary>
internal static class AuditActions
{
    /// <summary>A full view of an ID or phone number.</summary>
    public const string Reveal = "reveal";
    /// <summary>A search by an exact ID or phone number (the number itself is never recorded).</summary>
    public const string SearchByNumber = "search-by-number";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string AccountCreated = "account-created";
    /// <summary>Role, scope or display name changed.</summary>
    public const string AccountChanged = "account-changed";
    public const string AccountLocked = "account-locked";
    public const string AccountUnlocked = "account-unlocked";
    public const string PasswordReset = "password-reset";
    /// <summary>An account changed its own password (after a reset, or of its own accord).</summary>
    public const string PasswordChanged = "password-changed";
    public const string CategoryChanged = "category-changed";
    public const string RoutingRuleChanged = "routing-rule-changed";
    public const string HolidayCalendarChanged = "holiday-calendar-changed";
    public const string Export = "export";
    /// <summary>A refused attempt to open a record outside the caller's scope.</summary>
    public const string OutOfScope = "out-of-scope";
    public const string KeysRotated = "keys-rotated";
    /// <summary>The chain was verified (by the page or the verify-audit verb); the outcome is the entry's field.</summary>
    public const string AuditVerified = "audit-verified";
    /// <summary>A further one-time notice that asked for a material the first did not (refused).</summary>
    public const string SecondNoticeRefused = "second-notice-refused";
    /// <summary>A service item published or retired (the field says which; a draft is no change until published).</summary>
    public const string ServiceItemChanged = "service-item-changed";
    /// <summary>A district's 代办清单 replaced (the reason lists what was added and removed).</summary>
    public const string DistrictItemsChanged = "district-items-changed";
    /// <summary>A value entered by hand for the indicators (填报) saved or moved along its review chain.</summary>
    public const string IndicatorEntryChanged = "indicator-entry-changed";
    /// <summary>A facility registered, edited, closed or imported (the field says which).</summary>
    public const string FacilityChanged = "facility-changed";
    /// <summary>A worker raised (or lowered back) a care roster resident's risk tier, with a reason.</summary>
    public const string CareTierChanged = "care-tier-changed";

    public static readonly IReadOnlyList<string> All =
    [
        Reveal, SearchByNumber, SignIn, SignInFailed, SignOut, AccountCreated, AccountChanged, AccountLocked, AccountUnlocked, PasswordReset, PasswordChanged,
        CategoryChanged, RoutingRuleChanged, HolidayCalendarChanged, Export, OutOfScope, KeysRotated, AuditVerified,
        SecondNoticeRefused, ServiceItemChanged, DistrictItemsChanged, IndicatorEntryChanged, FacilityChanged, CareTierChanged,
    ];
}

/// <summary>The kinds of record audit entries are about (<see cref="AuditEntry.SubjectType"/>); the audit page labels each.</summary>
internal static class AuditSubjects
{
    public const string Resident = "resident";
    public const string Household = "household";
    public const string Ticket = "ticket";
    public const string Account = "account";
    public const string Category = "category";
    public const string RoutingRule = "routing-rule";
    public const string HolidayCalendar = "holiday-calendar";
    public const string PersonalDataKeys = "personal-data-keys";
    public const string AuditLog = "audit-log";
    /// <summary>The request metrics (an export of them).</summary>
    public const string RequestMetrics = "request-metrics";
    /// <summary>A service-desk case (办件).</summary>
    public const string ServiceCase = "service-case";
    /// <summary>An item of the service catalog (事项).</summary>
    public const string ServiceItem = "service-item";
    /// <summary>A district's list of the items its communities handle (代办清单).</summary>
    public const string DistrictItems = "district-items";
    /// <summary>The service-desk statistics (an export of them).</summary>
    public const string ServiceDeskStatistics = "service-desk-statistics";
    public const string IndicatorEntry = "indicator-entry";
    public const string IndicatorBelowStandard = "indicator_below_standard";
    public const string IndicatorReport = "indicator_report";
    public const string Facility = "facility";
    /// <summary>The facility list (an export of it) and an import file.</summary>
    public const string FacilityList = "facility-list";
    /// <summary>The communities held against the facility standards (an export of them).</summary>
    public const string FacilityStandards = "facility-standards";
    /// <summary>The hotspots of 未诉先办 (an export of them).</summary>
    public const string HotspotList = "hotspot-list";

    public static readonly IReadOnlyList<string> All =
        [Resident, Household, Ticket, Account, Category, RoutingRule, HolidayCalendar, PersonalDataKeys, AuditLog, RequestMetrics, ServiceCase, ServiceDeskStatistics,
         ServiceItem, DistrictItems, IndicatorEntry, IndicatorBelowStandard, IndicatorReport, Facility, FacilityList, FacilityStandards, HotspotList];
}
