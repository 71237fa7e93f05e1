using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseRatingConfiguration : IEntityTypeConfiguration<CaseRating>
{
    public void Configure(EntityTypeBuilder<CaseRating> e)
    {
        e.ToTable("case_ratings");
        e.HasKey(x => x.Id);
        // One rating per case and stage.
        e.HasIndex(x => new { x.CaseId, x.Stage }).IsUnique();
        e.HasIndex(x => new { x.AcceptingCommunityCode, x.RatedAt });
        // The ratings list's order (newest first) for scopes wider than a community (city, district): a page reads the
        // index in order instead of sorting every rating (Features/ListRatings/RatingList.cs).
        e.HasIndex(x => new { x.RatedAt, x.Id });
        e.HasIndex(x => x.FollowUpDueAt).HasFilter("follow_up_at IS NULL AND follow_up_due_at IS NOT NULL");
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.FollowUpNote).HasMaxLength(2000);
        e.Property(x => x.AcceptingCommunityCode).HasMaxLength(12);
        e.Ignore(x => x.IsPoor);
        e.HasOne<ServiceCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
