using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class Open311SubmissionConfiguration : IEntityTypeConfiguration<Open311Submission>
{
    public void Configure(EntityTypeBuilder<Open311Submission> e)
    {
        e.ToTable("open311_submissions");
        e.HasKey(x => x.Id);
        e.Property(x => x.AccountId).HasMaxLength(Open311Limits.IdLength);
        e.Property(x => x.DeviceId).HasMaxLength(Open311Limits.IdLength);
        e.Property(x => x.AddressId).HasMaxLength(Open311Limits.IdLength);
        e.Property(x => x.MediaUrl).HasMaxLength(Open311Limits.UrlLength);
        e.Property(x => x.AttributesJson).HasMaxLength(8000);
        e.HasIndex(x => x.Token).IsUnique();
        e.HasIndex(x => x.TicketId).IsUnique();
        e.HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Open311Client>().WithMany().HasForeignKey(x => x.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
