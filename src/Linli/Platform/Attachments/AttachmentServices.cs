using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Platform.Attachments;

internal static class AttachmentServices
{
    /// <summary>
    /// Attachments for a module whose context maps <see cref="AttachmentConfiguration"/>; the module also registers its
    /// <see cref="IAttachmentOwner"/> (scoped) for each kind of record it attaches files to.
    /// </summary>
    public static IServiceCollection AddAttachments<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AttachmentStore<TContext>>();
        // Each module's pending files are swept by the one cleanup job, as each module's idempotency records are.
        services.AddScoped<IPendingAttachmentSweep>(sp => sp.GetRequiredService<AttachmentStore<TContext>>());
        services.TryAddSingleton<PendingAttachmentsCleanup>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PendingAttachmentsCleanupJob>());
        return services;
    }
}
