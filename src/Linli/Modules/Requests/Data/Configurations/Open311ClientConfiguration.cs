using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> e)
    {
        e.ToTable("open311_clients");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(Open311Limits.NameLength);
        e.Property(x => x.KeyHint).HasMaxLength(8);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.HasIndex(x => x.KeyHash).IsUnique();
    }
}
