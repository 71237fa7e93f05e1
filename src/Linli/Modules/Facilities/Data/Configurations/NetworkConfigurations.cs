using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Facilities.Data.Configurations;

internal sealed class NetworkNodeConfiguration : IEntityTypeConfiguration<NetworkNode>
{
    public void Configure(EntityTypeBuilder<NetworkNode> e)
    {
        e.ToTable("network_nodes");
        e.HasKey(x => x.Id);
        // The id is the node's row in the compact graph, written by the importer.
        e.Property(x => x.Id).ValueGeneratedNever();
    }
}

internal sealed class NetworkEdgeConfiguration : IEntityTypeConfiguration<NetworkEdge>
{
    public void Configure(EntityTypeBuilder<NetworkEdge> e)
    {
        e.ToTable("network_edges");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Highway).HasMaxLength(32);
    }
}

internal sealed class NetworkImportConfiguration : IEntityTypeConfiguration<NetworkImport>
{
    public void Configure(EntityTypeBuilder<NetworkImport> e)
    {
        e.ToTable("network_imports");
        e.HasKey(x => x.Id);
        e.Property(x => x.Source).HasMaxLength(200);
    }
}

internal sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> e)
    {
        e.ToTable("compounds");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.HasIndex(x => x.CommunityCode);
    }
}

internal sealed class CompoundAccessConfiguration : IEntityTypeConfiguration<CompoundAccess>
{
    public void Configure(EntityTypeBuilder<CompoundAccess> e)
    {
        e.ToTable("compound_access");
        // Replaced type by type (a recomputation deletes one type's rows and writes them again).
        e.HasKey(x => new { x.Type, x.CompoundId });
    }
}
