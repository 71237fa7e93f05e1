namespace Linli.Platform.Calendar;

/// <summary>A day of a year an administrator entered; a year with rows here replaces the shipped file's days of that year.</summary>
internal sealed class HolidayDay
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public HolidayKind Kind { get; set; }
    public required string Name { get; set; }
}
