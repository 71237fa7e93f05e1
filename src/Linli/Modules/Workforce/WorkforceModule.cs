using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.ContractImplementations;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Features.ListWorkers;
using Linli.Modules.Workforce.Seeding;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;

namespace Linli.Modules.Workforce;

internal static class WorkforceModule
{
    public static IHostApplicationBuilder AddWorkforceModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<WorkforceDbContext, Data.SqliteWorkforceDbContext, Data.PostgresWorkforceDbContext>(WorkforceDbContext.Module);
        builder.Services.AddScoped<IRegionCounter, WorkerCounter>();
        builder.Services.AddScoped<IMeasureSource, WorkforceMeasures>();
        builder.Services.AddScoped<ICitySeeder, WorkforceCitySeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapWorkforce(this IEndpointRouteBuilder app)
    {
        ListWorkersEndpoint.Map(app.MapGroup("/api/workers").WithTags("Workforce").RequireAuthorization(ResidentsPermissions.ReadPeople));
        return app;
    }
}
