using Linli.Modules.Accounts.Domain;
using Linli.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Accounts.Data;

internal abstract class AccountsDbContext(DbContextOptions options) : IdentityDbContext<LinliUser, IdentityRole, string>(options)
{
    public const string Module = "accounts";

    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

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
            e.Property(u => u.LastSignInClient).HasMaxLength(64);
            e.HasIndex(u => u.ScopeRegionCode);
        });
        builder.Entity<SignInFailure>(e =>
        {
            e.ToTable("sign_in_failures");
            e.HasKey(f => new { f.UserName, f.Client });
            e.Property(f => f.UserName).HasMaxLength(256);
            e.Property(f => f.Client).HasMaxLength(64);
            // The clean-up job deletes by age.
            e.HasIndex(f => f.WindowStartedAt);
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
