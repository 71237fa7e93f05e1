using Linli.Modules.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Accounts.Data.Configurations;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> e)
    {
        e.ToTable("sign_in_failures");
        e.HasKey(f => new { f.UserName, f.Client });
        e.Property(f => f.UserName).HasMaxLength(256);
        e.Property(f => f.Client).HasMaxLength(64);
        // The clean-up job deletes by age.
        e.HasIndex(f => f.WindowStartedAt);
    }
}
