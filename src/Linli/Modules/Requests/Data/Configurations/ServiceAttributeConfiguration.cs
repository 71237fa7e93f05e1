using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> e)
    {
        e.ToTable("service_attributes");
        e.HasKey(x => x.Id);
        e.Property(x => x.Code).HasMaxLength(Open311Limits.CodeLength);
        e.Property(x => x.Description).HasMaxLength(400);
        e.Property(x => x.DatatypeDescription).HasMaxLength(200);
        e.Property(x => x.ValuesJson).HasMaxLength(8000);
        e.HasIndex(x => new { x.CategoryId, x.Code }).IsUnique();
        e.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Cascade);
    }
}
