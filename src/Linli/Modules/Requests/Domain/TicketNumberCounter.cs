namespace Linli.Modules.Requests.Domain;

/// <summary>Per-day counter behind ticket numbers.</summary>
internal sealed class TicketNumberCounter
{
    public required string Day { get; set; }
    public int LastNumber { get; set; }
}
