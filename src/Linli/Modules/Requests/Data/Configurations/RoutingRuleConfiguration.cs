using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> e)
    {
        e.ToTable("routing_rules");
        e.HasKey(x => x.Id);
        e.Property(x => x.DepartmentCode).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        // Two administrators saving the same rule at once would both write version N+1: the second fails here (409).
        e.HasIndex(x => new { x.CategoryId, x.Version }).IsUnique();
        e.HasIndex(x => new { x.CategoryId, x.IsCurrent });
        e.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
