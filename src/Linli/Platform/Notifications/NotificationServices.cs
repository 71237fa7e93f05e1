using Linli.Platform.Jobs;
using Linli.Platform.Notifications.Inbox;
using Linli.Platform.Notifications.Sms;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Notifications;

internal static class NotificationServices
{
    /// <summary>The channels (the in-app inbox; SMS when a gateway is configured) and the inbox every module delivers into.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddModuleDbContext<NotificationsDbContext, Data.SqliteNotificationsDbContext, Data.PostgresNotificationsDbContext>(NotificationsDbContext.Module);
        services.AddSingleton<INotificationChannel, InAppInboxChannel>();
        services.AddSingleton<INotificationChannel, SmsChannel>();
        services.AddSingleton<NotificationChannels>();
        services.AddScoped<Ui.IUnreadMessages, UnreadMessages>();
        services.TryAddSingleton<NotificationSender>();
        // A text carries links (the invitation to rate, for one) that only work as absolute addresses.
        services.AddOptions<SmsOptions>().Bind(builder.Configuration.GetSection(SmsOptions.Section)).ValidateDataAnnotations()
            .Validate<IOptions<Hosting.PublicAddressOptions>>((sms, site) => !sms.Enabled || site.Value.IsSet,
                "Notifications:Sms needs Hosting:PublicAddress, the address links in a text message point to.")
            .ValidateOnStart();
        if (builder.Configuration.GetSection(SmsOptions.Section).Get<SmsOptions>() is { Enabled: true })
            services.AddHttpClient<ISmsGateway, HttpSmsGateway>((sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SmsOptions>>().Value.TimeoutSeconds));
        return builder;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app)
    {
        InboxEndpoints.Map(app.MapGroup("/api/inbox").WithTags("Notifications").RequireAuthorization());
        return app;
    }

    /// <summary>
    /// Lets a module keep an outbox of <typeparamref name="TMessage"/> (mapped in <typeparamref name="TContext"/> with
    /// <see cref="OutboxMapping.IsOutbox{TMessage}"/>), drained on <paramref name="schedule"/> into the channels.
    /// </summary>
    public static IServiceCollection AddOutbox<TContext, TMessage>(this IServiceCollection services, string name, Func<IServiceProvider, PollSchedule> schedule)
        where TContext : DbContext
        where TMessage : OutboxMessage
    {
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxSender<TContext, TMessage>>(sp, name));
        services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<OutboxSender<TContext, TMessage>>());
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<OutboxJob<TContext, TMessage>>(sp, schedule));
        services.TryAddSingleton<NotificationSender>();
        return services;
    }
}
