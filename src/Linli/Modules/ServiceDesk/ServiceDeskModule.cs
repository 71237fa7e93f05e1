using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Linli.Platform.Validation;

namespace Linli.Modules.ServiceDesk;

/// <summary>
/// The service desk (全市通办): the catalog of service items, cases received at any community and followed to the
/// result, appointments at the windows, and ratings (好差评).
/// </summary>
internal static class ServiceDeskModule
{
    public static IHostApplicationBuilder AddServiceDeskModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<ServiceDeskDbContext, SqliteServiceDeskDbContext, PostgresServiceDeskDbContext>(ServiceDeskDbContext.Module);
        builder.Services.AddPermissions(ServiceDeskPermissions.Declared);
        builder.Services.AddScoped<Platform.Startup.IStartupTask, Seeding.EnsureServiceItems>();
        builder.AddAppointments();
        return builder;
    }

    public static IEndpointRouteBuilder MapServiceDesk(this IEndpointRouteBuilder app)
    {
        MapCatalog(app);
        app.MapAppointments();
        Features.Statistics.CaseStatistics.Map(app.MapGroup("/api/service-desk/statistics").WithTags("ServiceDesk").WithValidation()
            .RequireAuthorization(ServiceDeskPermissions.ReadStatistics));
        return app;
    }

    /// <summary>The catalog: read by anyone without signing in (rate-limited per client), written by administrators.</summary>
    private static void MapCatalog(IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/service-items").WithTags("ServiceDesk").WithValidation();
        var read = items.MapGroup("").AllowAnonymous().RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.PublicRead);
        Features.Catalog.ListServiceItems.ListServiceItemsEndpoint.Map(read);
        Features.Catalog.DistrictItems.DistrictItemsEndpoints.MapRead(read);
        Features.Catalog.GetServiceItem.GetServiceItemEndpoint.Map(read);
        var configure = items.MapGroup("").RequireAuthorization(ServiceDeskPermissions.ConfigureCatalog);
        Features.Catalog.EditItem.EditItemEndpoints.Map(configure);
        Features.Catalog.PublishItem.PublishItemEndpoint.Map(configure);
        Features.Catalog.RetireItem.RetireItemEndpoint.Map(configure);
        Features.Catalog.DistrictItems.DistrictItemsEndpoints.MapWrite(configure);
    }
}
