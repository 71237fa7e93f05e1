using Linli.Platform.Persistence;

namespace Linli.Modules.Requests.Domain;

/// <summary>A day whose roll-up rows were computed, and when: a day without this row is counted from the tickets.</summary>
internal sealed class TicketStatsDay : IRollupDay
{
    public DateOnly Day { get; set; }
    public DateTime ComputedAt { get; set; }

    /// <summary>The day a ticket filed at <paramref name="utc"/> counts on: its date in China time.</summary>
    public static DateOnly Of(DateTime utc) => DailyRollup.DayOf(utc);
}
