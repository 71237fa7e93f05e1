using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Attachments;

/// <summary>The table a module's context adds (<c>modelBuilder.ApplyConfiguration(new AttachmentConfiguration())</c>).</summary>
internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public const int OwnerKindLength = 40, OwnerIdLength = 64, NameLength = 40, ContentTypeLength = 100, StoredFileLength = 200;

    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.ToTable("attachments");
        e.HasKey(x => x.Id);
        e.Property(x => x.OwnerKind).HasMaxLength(OwnerKindLength);
        e.Property(x => x.OwnerId).HasMaxLength(OwnerIdLength);
        e.Property(x => x.Name).HasMaxLength(NameLength);
        e.Property(x => x.ContentType).HasMaxLength(ContentTypeLength);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.StoredFile).HasMaxLength(StoredFileLength);
        // A record's files are listed and fetched by owner and name; two concurrent saves cannot take one name.
        e.HasIndex(x => new { x.OwnerKind, x.OwnerId, x.Name }).IsUnique();
    }
}
