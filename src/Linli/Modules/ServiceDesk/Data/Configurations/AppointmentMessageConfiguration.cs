using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class AppointmentMessageConfiguration : IEntityTypeConfiguration<AppointmentMessage>
{
    public void Configure(EntityTypeBuilder<AppointmentMessage> e)
    {
        e.ToTable("appointment_messages");
        e.IsOutbox();
        e.HasIndex(x => x.BookingId);
    }
}
