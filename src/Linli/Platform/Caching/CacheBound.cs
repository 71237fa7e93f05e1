using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Platform.Caching;

/// <summary>
/// Entry options for reference data in the platform's <see cref="HybridCache"/>. The cache has only its in-process layer
/// here (no shared L2), so an entry's expiration is how long another instance may keep answering from its copy after a
/// change: the local instance drops the entry by tag on its own writes, the others within this bound.
/// </summary>
internal static class CacheBound
{
    public static HybridCacheEntryOptions Of(TimeSpan bound) => new() { Expiration = bound, LocalCacheExpiration = bound };
}
