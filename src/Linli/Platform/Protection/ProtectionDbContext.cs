using Linli.Platform.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Protection;

/// <summary>The check value of the key the database's personal data is encrypted with (one row).</summary>
internal sealed class KeyCheck
{
    public int Id { get; set; } = 1;
    public required byte[] CheckValue { get; set; }
    public DateTime SetAt { get; set; }
}

/// <summary>A key rotation under way (one row while it runs): from which key to which, and since when.</summary>
internal sealed class KeyRotation
{
    public int Id { get; set; } = 1;
    public required byte[] FromCheck { get; set; }
    public required byte[] ToCheck { get; set; }
    public DateTime StartedAt { get; set; }
}

/// <summary>How far one part of a rotation (a table) has come: the last row id done, so an interrupted run goes on from there.</summary>
internal sealed class KeyRotationStep
{
    public required string Name { get; set; }
    public long LastId { get; set; }
    public long Rows { get; set; }
    public bool Finished { get; set; }
}

/// <summary>
/// The platform's key material in the database: the personal-data key's check value, the state of a key rotation, and
/// the ASP.NET Core Data Protection key ring (sign-in cookies, bearer tokens, antiforgery), encrypted with a key derived
/// from the personal-data key and shared by every instance.
/// </summary>
internal abstract class ProtectionDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public const string Module = "protection";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<KeyCheck> KeyChecks => Set<KeyCheck>();
    public DbSet<KeyRotation> KeyRotations => Set<KeyRotation>();
    public DbSet<KeyRotationStep> KeyRotationSteps => Set<KeyRotationStep>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        modelBuilder.Entity<KeyCheck>(e =>
        {
            e.ToTable("key_checks");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.CheckValue).HasMaxLength(32);
        });
        modelBuilder.Entity<KeyRotation>(e =>
        {
            e.ToTable("key_rotations");
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.FromCheck).HasMaxLength(32);
            e.Property(x => x.ToCheck).HasMaxLength(32);
        });
        modelBuilder.Entity<KeyRotationStep>(e =>
        {
            e.ToTable("key_rotation_steps");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
        });
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
