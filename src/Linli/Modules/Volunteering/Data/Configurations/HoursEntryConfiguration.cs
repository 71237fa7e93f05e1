using Linli.Modules.Volunteering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Volunteering.Data.Configurations;

/// <summary>The hours ledger: append-only (triggers in the migration refuse UPDATE and DELETE), summed per volunteer and day.</summary>
internal sealed class HoursEntryConfiguration : IEntityTypeConfiguration<HoursEntry>
{
    public const string Table = "hours_entries";

    public void Configure(EntityTypeBuilder<HoursEntry> e)
    {
        e.ToTable(Table);
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.Reason).HasMaxLength(200);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.VolunteerId, x.ServiceDay });
        e.HasIndex(x => x.ReversesEntryId).IsUnique();
        e.HasIndex(x => new { x.OrderId, x.VolunteerId });
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<VolunteerOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<HoursEntry>().WithMany().HasForeignKey(x => x.ReversesEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
