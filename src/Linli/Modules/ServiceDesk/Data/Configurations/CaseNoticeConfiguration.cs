using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseNoticeConfiguration : IEntityTypeConfiguration<CaseNotice>
{
    public void Configure(EntityTypeBuilder<CaseNotice> e)
    {
        e.ToTable("case_notices");
        e.HasKey(x => x.Id);
        // One notice per sequence: two workers issuing at once cannot both be the first.
        e.HasIndex(x => new { x.CaseId, x.Sequence }).IsUnique();
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Number).HasMaxLength(32);
        e.Property(x => x.IssuedByUserId).HasMaxLength(64);
        e.Property(x => x.IssuedByName).HasMaxLength(256);
        e.HasOne<ServiceCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNoticeItemConfiguration : IEntityTypeConfiguration<CaseNoticeItem>
{
    public void Configure(EntityTypeBuilder<CaseNoticeItem> e)
    {
        e.ToTable("case_notice_items");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.NoticeId);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(500);
    }
}
