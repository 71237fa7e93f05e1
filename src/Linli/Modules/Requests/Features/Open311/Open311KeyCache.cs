using System.ComponentModel;
using Linli.Modules.Requests.Data;
using Linli.Platform.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// Valid keys are kept in the platform's cache for <see cref="Bound"/>, so a busy client costs no query per request;
/// revoking a key drops them by tag at once here (another instance notices within the bound). Unknown keys are never
/// kept: their lookup throws, and the cache keeps no failure.
/// </summary>
internal sealed class Open311KeyCache(IServiceScopeFactory scopes, HybridCache cache)
{
    public const string Tag = "requests:open311-keys";
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(1);

    [ImmutableObject(true)]
    private sealed record Client(int Id, string Name);

    public async Task<(int Id, string Name)> ClientAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) throw Open311Exception.Forbidden("{0} 必填。", "api_key");
        var hash = Open311Keys.Hash(key);
        var client = await cache.GetOrCreateAsync("requests:open311-key:" + Convert.ToHexString(hash), (scopes, hash), static async (state, ct) =>
        {
            using var scope = state.scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            return await db.Open311Clients.AsNoTracking().Where(c => c.KeyHash == state.hash && c.RevokedAt == null)
                       .Select(c => new Client(c.Id, c.Name)).FirstOrDefaultAsync(ct)
                   ?? throw Open311Exception.Forbidden("api_key 无效。");
        }, CacheBound.Of(Bound), [Tag], ct);
        return (client.Id, client.Name);
    }

    /// <summary>After a key is revoked: every key is looked up again (a few clients; revocations are rare).</summary>
    public ValueTask ForgetAsync() => cache.RemoveByTagAsync(Tag, CancellationToken.None);
}
