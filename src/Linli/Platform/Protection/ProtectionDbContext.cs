using Linli.Platform.Persistence;
using Linli.Platform.Protection.Data.Configurations;
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
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProtectionDbContext).Assembly, t => t.Namespace == typeof(KeyCheckConfiguration).Namespace);
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
