using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;

namespace Linli.Platform.Caching;

/// <summary>
/// The in-process cache (the HybridCache's local layer) counts expirations on the injected <see cref="TimeProvider"/>,
/// like every other time in the product, so a test's clock moves cache bounds as it moves deadlines.
/// </summary>
internal sealed class CacheClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public static IServiceCollection AddCacheClock(IServiceCollection services)
    {
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider>((options, time) => options.Clock = new CacheClock(time));
        return services;
    }
}
