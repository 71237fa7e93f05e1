using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Idempotency;

/// <summary>The table a module's context adds (<c>modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration())</c>).</summary>
internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public const int CallerLength = 100, LocationLength = 2000, ContentTypeLength = 100;

    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_keys");
        e.HasKey(x => x.Id);
        e.Property(x => x.Caller).HasMaxLength(CallerLength);
        e.Property(x => x.Key).HasMaxLength(IdempotencyKey.MaxLength);
        e.Property(x => x.RequestHash).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(ContentTypeLength);
        e.Property(x => x.Location).HasMaxLength(LocationLength);
        // One answer per caller and key: a concurrent duplicate fails here, in the transaction of its would-be second submission.
        e.HasIndex(x => new { x.Caller, x.Key }).IsUnique();
        // The cleanup's question: which answers have expired?
        e.HasIndex(x => x.CreatedAt);
    }
}
