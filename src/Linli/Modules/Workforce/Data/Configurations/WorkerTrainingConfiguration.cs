using Linli.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Workforce.Data.Configurations;

/// <summary>Trainings belong to their worker; the scope filter is the context's (<see cref="WorkforceDbContext"/>).</summary>
internal sealed class WorkerTrainingConfiguration : IEntityTypeConfiguration<WorkerTraining>
{
    public void Configure(EntityTypeBuilder<WorkerTraining> e)
    {
        e.ToTable("worker_trainings");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.HasOne<Worker>().WithMany().HasForeignKey(x => x.WorkerId).OnDelete(DeleteBehavior.Cascade);
        // The measures look up a worker's trainings of one year.
        e.HasIndex(x => new { x.WorkerId, x.TrainedOn });
        e.HasIndex(x => x.CommunityCode);
    }
}
