using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Modules.Regions.Domain;

/// <summary>
/// The region lists kept in the platform's cache: they change only with an import or the synthetic city's seeding (both
/// drop the tag), and another instance's import is seen within <see cref="Keep"/>.
/// </summary>
internal static class RegionCache
{
    public const string Tag = Contracts.RegionCacheTag.Regions;

    public static readonly HybridCacheEntryOptions Keep = new() { Expiration = TimeSpan.FromMinutes(10), LocalCacheExpiration = TimeSpan.FromMinutes(10) };
}
