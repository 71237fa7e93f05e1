using Linli.Modules.Accounts.Domain;
using Linli.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Accounts.Data;

internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<LinliUser, IdentityRole, string>(options)
{
    public const string Module = "accounts";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<LinliUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.ScopeRegionCode).HasMaxLength(15);
            e.Property(u => u.ScopeDepartmentCode).HasMaxLength(64);
            e.HasIndex(u => u.ScopeRegionCode);
        });
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");
        ModuleModel.Apply(builder, Database, Module);
    }
}
