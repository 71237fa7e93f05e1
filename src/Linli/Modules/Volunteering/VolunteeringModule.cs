using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Modules.Volunteering.Features.Hours;
using Linli.Modules.Volunteering.Features.Orders;
using Linli.Modules.Volunteering.Features.Volunteers;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Linli.Platform.Validation;

namespace Linli.Modules.Volunteering;

/// <summary>Volunteers, party members reporting to their community, orders (群众点单·社区派单·党员接单) and the hours ledger.</summary>
internal static class VolunteeringModule
{
    public static IHostApplicationBuilder AddVolunteeringModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<VolunteeringDbContext, SqliteVolunteeringDbContext, PostgresVolunteeringDbContext>(VolunteeringDbContext.Module);
        builder.Services.AddPermissions(VolunteeringPermissions.Declared);
        builder.Services.AddScoped<VolunteerRegister>();
        builder.Services.AddScoped<OrderDesk>();
        builder.Services.AddScoped<HoursLedger>();
        builder.Services.Configure<HoursOptions>(builder.Configuration.GetSection(HoursOptions.Section));
        return builder;
    }

    public static IEndpointRouteBuilder MapVolunteering(this IEndpointRouteBuilder app)
    {
        VolunteerEndpoints.Map(app.MapGroup("/api/volunteers").WithTags("Volunteering").RequireAuthorization(VolunteeringPermissions.Read).WithValidation());
        var orders = app.MapGroup("/api/volunteer-orders").WithTags("Volunteering").RequireAuthorization().WithValidation();
        OrderEndpoints.Map(orders);
        HoursEndpoints.MapCompletion(orders);
        OrderEndpoints.MapCancel(orders);
        HoursEndpoints.Map(app.MapGroup("/api/volunteer-hours").WithTags("Volunteering").RequireAuthorization().WithValidation());
        return app;
    }
}
