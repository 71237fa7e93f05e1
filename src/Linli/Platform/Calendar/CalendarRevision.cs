namespace Linli.Platform.Calendar;

/// <summary>
/// One change to one year (entered, imported or reset to the shipped file), kept for the history and to rebuild the
/// calendar as it was before it. A change takes effect on every instance once the modules have recomputed their open
/// deadlines under it (<see cref="RecomputedAt"/>).
/// </summary>
internal sealed class CalendarRevision
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public int Year { get; set; }
    /// <summary>The year's days after the change as JSON (the shipped format); null: back to the shipped file.</summary>
    public string? Days { get; set; }
    public required string Summary { get; set; }
    public DateTime? RecomputedAt { get; set; }
}
