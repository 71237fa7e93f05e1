using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Accounts.Data.Configurations;

/// <summary>Identity maps this entity (<see cref="AccountsDbContext"/> applies its mapping first); only the table name is ours.</summary>
internal sealed class IdentityUserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> e) => e.ToTable("user_logins");
}
