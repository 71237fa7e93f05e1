using Linli.Modules.Care.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Care.Data.Configurations;

/// <summary>The roster with each resident's next due visit; the scope filter is the context's (<see cref="CareDbContext"/>).</summary>
internal sealed class RosterEntryConfiguration : IEntityTypeConfiguration<RosterEntry>
{
    public void Configure(EntityTypeBuilder<RosterEntry> e)
    {
        e.ToTable("roster");
        e.HasKey(x => x.ResidentId);
        e.Property(x => x.ResidentId).ValueGeneratedNever();
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.Tags).HasMaxLength(200);
        e.Property(x => x.RaiseReason).HasMaxLength(CareLimits.Reason);
        e.Property(x => x.RaisedBy).HasMaxLength(64);
        e.Property(x => x.DueNote).HasMaxLength(CareLimits.Note);
        e.Ignore(x => x.Next);
        // The due list of an area: a range of community codes read in due order.
        e.HasIndex(x => new { x.CommunityCode, x.NextDueAt });
        e.HasIndex(x => new { x.CommunityCode, x.WindowEndAt });
        e.HasIndex(x => x.SyncedAt);
    }
}

internal sealed class VisitRecordConfiguration : IEntityTypeConfiguration<VisitRecord>
{
    public void Configure(EntityTypeBuilder<VisitRecord> e)
    {
        e.ToTable("visits");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.Notes).HasMaxLength(CareLimits.Notes);
        e.Property(x => x.VisitorUserId).HasMaxLength(64);
        e.Property(x => x.VisitorName).HasMaxLength(64);
        e.Property(x => x.FollowUpTicketNumber).HasMaxLength(32);
        e.HasIndex(x => new { x.ResidentId, x.VisitedAt });
        e.HasIndex(x => new { x.CommunityCode, x.VisitedAt });
    }
}
