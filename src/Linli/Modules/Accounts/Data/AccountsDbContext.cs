using Linli.Modules.Accounts.Data.Configurations;
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
        // One configuration per entity in Data/Configurations/, applied by hand in this order: the snake_case convention names
        // a foreign key when its own table is renamed, after the table it points to, so users and roles are renamed first.
        builder.ApplyConfiguration(new LinliUserConfiguration());
        builder.ApplyConfiguration(new SignInFailureConfiguration());
        builder.ApplyConfiguration(new IdentityRoleConfiguration());
        builder.ApplyConfiguration(new IdentityUserRoleConfiguration());
        builder.ApplyConfiguration(new IdentityUserClaimConfiguration());
        builder.ApplyConfiguration(new IdentityUserLoginConfiguration());
        builder.ApplyConfiguration(new IdentityUserTokenConfiguration());
        builder.ApplyConfiguration(new IdentityRoleClaimConfiguration());
        ModuleModel.Apply(builder, Database, Module);
    }
}
