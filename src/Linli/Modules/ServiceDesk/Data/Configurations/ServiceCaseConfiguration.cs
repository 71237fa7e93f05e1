using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

/// <summary>The case's table and indexes; the scope filter is the context's (<see cref="ServiceDeskDbContext"/>).</summary>
internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> e)
    {
        e.ToTable("service_cases");
        e.HasKey(x => x.Id);
        e.Property(x => x.Number).HasMaxLength(24);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.ApplicantName).HasMaxLength(100);
        e.Property(x => x.ApplicantIdMasked).HasMaxLength(32);
        e.Property(x => x.ApplicantPhoneMasked).HasMaxLength(32);
        e.Property(x => x.AcceptingCommunityCode).HasMaxLength(12);
        e.Property(x => x.HomeCommunityCode).HasMaxLength(12);
        e.Property(x => x.DepartmentCode).HasMaxLength(64);
        e.Property(x => x.OwnerUserId).HasMaxLength(64);
        e.Property(x => x.OwnerName).HasMaxLength(256);
        e.Property(x => x.ApplicantUserId).HasMaxLength(64);
        e.Property(x => x.RefusalReason).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Property(x => x.ExtensionReason).HasMaxLength(2000);
        e.Property(x => x.ProxyUserId).HasMaxLength(64);
        e.Property(x => x.ProxyName).HasMaxLength(256);
        e.Property(x => x.Mandate).HasMaxLength(2000);
        // A community's lists (accepted here, or residents of here), newest first; the department's; due-soon and overdue.
        e.HasIndex(x => new { x.AcceptingCommunityCode, x.ReceivedAt, x.Id });
        e.HasIndex(x => new { x.HomeCommunityCode, x.ReceivedAt, x.Id });
        e.HasIndex(x => new { x.DepartmentCode, x.ReceivedAt, x.Id });
        e.HasIndex(x => new { x.ReceivedAt, x.Id });
        e.HasIndex(x => x.DueAt);
        // The open cases newest first (the overdue list, and any list of running cases): a few per cent of the table, so the
        // walk in list order reads open cases only instead of every case (EXPLAIN showed the overdue list scanning all).
        e.HasIndex(x => new { x.ReceivedAt, x.Id }, "ix_servicedesk_service_cases_open_received_at_id").HasFilter("due_at IS NOT NULL");
        // Lists by state (awaiting completion, under review …) newest first.
        e.HasIndex(x => new { x.State, x.ReceivedAt, x.Id });
        // Tracking a case by its number and the applicant's ID number reads this; the proxy worker and the resident are never searched by.
        e.HasIndex(x => x.ApplicantIdHash);
        e.HasIndex(x => x.ApplicantUserId);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ServiceItemVersion>().WithMany().HasForeignKey(x => x.ItemVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
