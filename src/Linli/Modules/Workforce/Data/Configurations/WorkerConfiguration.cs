using Linli.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Workforce.Data.Configurations;

/// <summary>The worker's table and indexes; the scope filter is the context's (<see cref="WorkforceDbContext"/>).</summary>
internal sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> e)
    {
        e.ToTable("workers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.HasIndex(x => x.CommunityCode);
        e.HasIndex(x => new { x.Role, x.CommunityCode });
    }
}
