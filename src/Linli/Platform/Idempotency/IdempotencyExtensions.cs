using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Platform.Idempotency;

internal static class IdempotencyExtensions
{
    /// <summary>
    /// Idempotent submissions for a module whose context maps <see cref="IdempotencyRecordConfiguration"/>: the store for
    /// its endpoints and pages, and its table in the hourly cleanup.
    /// </summary>
    public static IServiceCollection AddIdempotency<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.CleanupIntervalMinutes >= 1, "Idempotency:CleanupIntervalMinutes must be at least 1.")
            .Validate(o => o.CleanupBatchSize >= 1, "Idempotency:CleanupBatchSize must be at least 1.")
            .ValidateOnStart();
        services.AddScoped<IdempotencyStore<TContext>>();
        services.AddSingleton(new IdempotencyTable(typeof(TContext)));
        services.TryAddSingleton<IdempotencyCleanup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IdempotencyCleanupJob>());
        return services;
    }
}
