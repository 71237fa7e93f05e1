using System.Buffers.Binary;
using Linli.Modules.Accounts.Domain;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Accounts;

/// <summary>
/// The other test hosts hash with 1,000 rounds to save the suite's CPU (Infrastructure/LinliFactory.cs); the product
/// itself must keep Identity's strength, which this host, configured as the product is, shows in a stored hash.
/// </summary>
public sealed class PasswordHashStrengthTests
{
    private sealed class ProductHashing : LinliFactory
    {
        protected override bool CheapPasswordHashing => false;
    }

    /// <summary>The PBKDF2 rounds an Identity V3 hash names: format marker 0x01, PRF, then the round count, big-endian.</summary>
    private static int RoundsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    private static async Task<string> StoredHashAsync(LinliFactory app, string userName)
    {
        await app.CreateUserAsync(userName, Roles.Administrator, "2101");
        return await app.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<UserManager<LinliUser>>().FindByNameAsync(userName))!.PasswordHash!);
    }

    [Fact]
    public async Task The_product_stores_passwords_with_at_least_100000_pbkdf2_rounds_and_only_test_hosts_use_fewer()
    {
        await using var product = new ProductHashing();
        Assert.True(RoundsOf(await StoredHashAsync(product, "strong")) >= 100_000);
        // A sign-in against that hash works as any other.
        using var client = await product.ClientForAsync("strong");

        await using var test = new LinliFactory();
        Assert.Equal(1000, RoundsOf(await StoredHashAsync(test, "cheap")));
    }
}
