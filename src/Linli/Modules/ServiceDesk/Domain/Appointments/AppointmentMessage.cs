using Linli.Platform.Notifications;

namespace Linli.Modules.ServiceDesk.Domain.Appointments;

/// <summary>A notification about a booking (booked, reminded, moved, cancelled because the day closed), in the module's outbox.</summary>
internal sealed class AppointmentMessage : OutboxMessage
{
    public const string Kind = "appointment";

    public long BookingId { get; set; }

    public override string? AboutKind => Kind;
    public override long? AboutId => BookingId;
}
