namespace Linli.Modules.Requests.Domain;

/// <summary>A day whose roll-up rows were computed, and when: a day without this row is counted from the tickets.</summary>
internal sealed class TicketStatsDay
{
    public DateOnly Day { get; set; }
    public DateTime ComputedAt { get; set; }
}
