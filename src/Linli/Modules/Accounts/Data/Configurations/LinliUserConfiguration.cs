using Linli.Modules.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Accounts.Data.Configurations;

/// <summary>The user's table beyond what Identity maps (<see cref="AccountsDbContext"/> applies Identity's mapping first).</summary>
internal sealed class LinliUserConfiguration : IEntityTypeConfiguration<LinliUser>
{
    public void Configure(EntityTypeBuilder<LinliUser> e)
    {
        e.ToTable("users");
        e.Property(u => u.DisplayName).HasMaxLength(100);
        e.Property(u => u.ScopeRegionCode).HasMaxLength(15);
        e.Property(u => u.ScopeDepartmentCode).HasMaxLength(64);
        e.Property(u => u.LastSignInClient).HasMaxLength(64);
        e.HasIndex(u => u.ScopeRegionCode);
    }
}
