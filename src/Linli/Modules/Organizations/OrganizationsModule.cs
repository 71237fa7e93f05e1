using Linli.Modules.Organizations.ContractImplementations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Organizations.Features.ListDepartments;
using Linli.Modules.Organizations.Features.ListOrganizations;
using Linli.Modules.Organizations.Seeding;
using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Linli.Platform.Startup;

namespace Linli.Modules.Organizations;

internal static class OrganizationsModule
{
    public static IHostApplicationBuilder AddOrganizationsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<OrganizationsDbContext, Data.SqliteOrganizationsDbContext, Data.PostgresOrganizationsDbContext>(OrganizationsDbContext.Module);
        builder.Services.AddScoped<IDepartmentDirectory, DepartmentDirectory>();
        builder.Services.AddScoped<IRegionCounter, SocialOrganizationCounter>();
        builder.Services.AddScoped<IMeasureSource, OrganizationsMeasures>();
        builder.Services.AddScoped<IStartupTask, EnsureDepartments>();
        builder.Services.AddScoped<ICitySeeder, OrganizationsCitySeeder>();
        builder.Services.AddScoped<Linli.Platform.Ui.IScopeName, Features.Home.DepartmentScopeName>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrganizations(this IEndpointRouteBuilder app)
    {
        ListDepartmentsEndpoint.Map(app.MapGroup("/api/departments").WithTags("Organizations").RequireAuthorization());
        ListOrganizationsEndpoint.Map(app.MapGroup("/api/organizations").WithTags("Organizations").RequireAuthorization());
        return app;
    }
}
