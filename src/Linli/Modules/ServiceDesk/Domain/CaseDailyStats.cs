using Linli.Platform.Persistence;

namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>Which grouping a roll-up row belongs to; the monthly rows (the sums of a month's day rows) are the daily dimension + 10.</summary>
internal enum CaseStatsDimension
{
    /// <summary>Per accepting community (<see cref="CaseDailyStats.Region"/> = its 12 digits): streets and districts are its prefix sums.</summary>
    Community = 1,
    /// <summary>Per deciding department within a district (<see cref="CaseDailyStats.Region"/> = the district's 6 digits).</summary>
    Department = 2,
    /// <summary>Per item within a district (<see cref="CaseDailyStats.Key"/> = the item id).</summary>
    Item = 3,
    CommunityMonth = 11,
    DepartmentMonth = 12,
    ItemMonth = 13,
}

/// <summary>
/// The statistics' counts of the cases received on one China-time day (<see cref="Day"/>; for a monthly row the month's first
/// day), per accepting community, per district × department and per district × item, so that a period adds up a few
/// thousand rows instead of reading every case and joining its ratings. A single community × department × item key would
/// have about as many rows a day as cases at the city's volume. Ratings count with their case's day and group.
/// </summary>
internal sealed class CaseDailyStats
{
    public DateOnly Day { get; set; }
    public CaseStatsDimension Dimension { get; set; }
    /// <summary>The accepting community's code (community rows) or its district's (department and item rows): readers narrow by prefix.</summary>
    public required string Region { get; set; }
    /// <summary>The department code or item id; "" for community rows.</summary>
    public required string Key { get; set; }
    public int Received { get; set; }
    public int Accepted { get; set; }
    public int Refused { get; set; }
    public int Outside { get; set; }
    public int Decided { get; set; }
    public int OnTime { get; set; }
    public double DaysSum { get; set; }
    public int DaysCount { get; set; }
    public int Proxy { get; set; }
    public int Door { get; set; }
    public int Late { get; set; }
    public int Noticed { get; set; }
    public double WaitSum { get; set; }
    public int WaitCount { get; set; }
    public int VerySatisfied { get; set; }
    public int Satisfied { get; set; }
    public int Fairly { get; set; }
    public int Dissatisfied { get; set; }
    public int VeryDissatisfied { get; set; }
    public int FollowedUp { get; set; }
    public int FollowUpOverdue { get; set; }
}

/// <summary>A day whose roll-up rows were computed, and when: a day without this row is counted from the cases.</summary>
internal sealed class CaseStatsDay : IRollupDay
{
    public DateOnly Day { get; set; }
    public DateTime ComputedAt { get; set; }

    /// <summary>The day a case received at <paramref name="utc"/> counts on: its date in China time.</summary>
    public static DateOnly Of(DateTime utc) => DailyRollup.DayOf(utc);
}

/// <summary>
/// "A case received on this day changed (or one of its ratings)": written in the same <c>SaveChanges</c> as the change
/// (<see cref="Data.ServiceDeskDbContext"/>; append-only, so concurrent writers never wait on each other), consumed by
/// the roll-up job, which recomputes the day. Until then readers count the day from the cases.
/// </summary>
internal sealed class CaseStatsChange : IRollupMark
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
}
