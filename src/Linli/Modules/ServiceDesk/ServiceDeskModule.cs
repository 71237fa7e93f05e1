using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;

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
        builder.AddAppointments();
        return builder;
    }

    public static IEndpointRouteBuilder MapServiceDesk(this IEndpointRouteBuilder app) => app.MapAppointments();
}
