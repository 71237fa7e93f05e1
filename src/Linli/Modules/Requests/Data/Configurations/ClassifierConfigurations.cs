using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class ClassifierModelVersionConfiguration : IEntityTypeConfiguration<ClassifierModelVersion>
{
    public void Configure(EntityTypeBuilder<ClassifierModelVersion> e)
    {
        e.ToTable("classifier_models");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Version).IsUnique();
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.TrainedBy).HasMaxLength(100);
        e.HasIndex(x => x.IsActive);
    }
}

internal sealed class ClassifierExampleConfiguration : IEntityTypeConfiguration<ClassifierExample>
{
    public void Configure(EntityTypeBuilder<ClassifierExample> e)
    {
        e.ToTable("classifier_examples");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.TicketId).IsUnique();
        e.Property(x => x.Text).HasMaxLength(RequestLimits.Description);
        e.Property(x => x.Level1).HasMaxLength(100);
    }
}
