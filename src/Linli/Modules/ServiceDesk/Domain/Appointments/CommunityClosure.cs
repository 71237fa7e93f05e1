namespace Linli.Modules.ServiceDesk.Domain.Appointments;

/// <summary>A day a community's window is closed (闭站): no slots, and the day's bookings were cancelled or moved.</summary>
internal sealed class CommunityClosure
{
    public long Id { get; set; }
    public required string CommunityCode { get; set; }
    public DateOnly Day { get; set; }
    public required string Reason { get; set; }
    public DateTime ClosedAt { get; set; }
    public required string ClosedBy { get; set; }
}
