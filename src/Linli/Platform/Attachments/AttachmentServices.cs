using Microsoft.EntityFrameworkCore;

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
        return services;
    }
}
