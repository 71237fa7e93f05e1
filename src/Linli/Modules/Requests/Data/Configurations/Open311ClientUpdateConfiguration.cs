using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class Open311ClientUpdateConfiguration : IEntityTypeConfiguration<Open311ClientUpdate>
{
    public void Configure(EntityTypeBuilder<Open311ClientUpdate> e)
    {
        e.ToTable("open311_client_updates");
        e.HasKey(x => x.Id);
        e.Property(x => x.ClientUpdateId).HasMaxLength(Open311Limits.IdLength);
        e.Property(x => x.Status).HasMaxLength(Open311Limits.CodeLength);
        e.Property(x => x.MediaUrl).HasMaxLength(Open311Limits.UrlLength);
        // One comment per client update: a retry, or two racing, find the first.
        e.HasIndex(x => new { x.ClientId, x.ClientUpdateId }).IsUnique();
        e.HasIndex(x => x.ActionId).IsUnique();
        e.HasOne(x => x.Action).WithMany().HasForeignKey(x => x.ActionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Open311Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
