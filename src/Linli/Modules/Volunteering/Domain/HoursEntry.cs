namespace Linli.Modules.Volunteering.Domain;

/// <summary>
/// One row of the append-only hours ledger (志愿服务记录): the minutes credited to a volunteer for an order done, from the
/// sign-in and sign-out times, capped per day; or a correction, which is a new row reversing an earlier one (never an
/// edit). The database refuses UPDATE and DELETE on the table (a trigger in the migration). A volunteer's hours are the
/// sum of their rows.
/// </summary>
internal sealed class HoursEntry
{
    public long Id { get; set; }
    public long VolunteerId { get; set; }
    public long? OrderId { get; set; }
    /// <summary>The community the service was given in (the order's); scopes every read.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>The China day the service was given on, for the daily cap.</summary>
    public DateOnly ServiceDay { get; set; }
    public DateTime? SignInAt { get; set; }
    public DateTime? SignOutAt { get; set; }
    /// <summary>Minutes between sign-in and sign-out, before the cap.</summary>
    public int AttendedMinutes { get; set; }
    /// <summary>Minutes credited (negative on a reversal); the ledger's sum.</summary>
    public int Minutes { get; set; }
    /// <summary>The entry this row reverses (unique: an entry is reversed once).</summary>
    public long? ReversesEntryId { get; set; }
    public string? Reason { get; set; }
    public DateTime RecordedAt { get; set; }
    /// <summary>Who certified the row (记录人): the worker who completed the order or reversed the entry.</summary>
    public required string RecordedBy { get; set; }
}

/// <summary>The ledger's rules, without a database: what a day's sign-in and sign-out credit under the daily cap.</summary>
internal static class HoursRules
{
    /// <summary>Minutes to credit for <paramref name="attendedMinutes"/> when <paramref name="alreadyThatDay"/> minutes are credited on that day already.</summary>
    public static int Credit(int attendedMinutes, int alreadyThatDay, int dailyCapMinutes) =>
        Math.Max(0, Math.Min(attendedMinutes, dailyCapMinutes - alreadyThatDay));
}

/// <summary>Configuration (Volunteering:DailyHoursCap): hours a volunteer may be credited on one day.</summary>
internal sealed class HoursOptions
{
    public const string Section = "Volunteering";
    public double DailyHoursCap { get; set; } = 12;
    public int DailyCapMinutes => (int)Math.Round(DailyHoursCap * 60);
}
