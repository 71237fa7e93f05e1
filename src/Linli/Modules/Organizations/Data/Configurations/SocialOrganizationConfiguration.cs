using Linli.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Organizations.Data.Configurations;

internal sealed class SocialOrganizationConfiguration : IEntityTypeConfiguration<SocialOrganization>
{
    public void Configure(EntityTypeBuilder<SocialOrganization> e)
    {
        e.ToTable("social_organizations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.HasIndex(x => x.CommunityCode);
        e.HasIndex(x => new { x.Kind, x.CommunityCode });
    }
}
