using Linli.Modules.Facilities.ContractImplementations;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Features.ImportFacilities;
using Linli.Modules.Facilities.Features.ListFacilities;
using Linli.Modules.Facilities.Features.Registry;
using Linli.Modules.Facilities.Features.Standards;
using Linli.Platform.Auth;
using Linli.Modules.Facilities.Network;
using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Features.NetworkStatus;
using Linli.Modules.Facilities.Features.AccessibilityCoverage;
using Linli.Modules.Facilities.Features.PlannerRun;
using Linli.Modules.Facilities.Seeding;
using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;

namespace Linli.Modules.Facilities;

internal static class FacilitiesModule
{
    public static IHostApplicationBuilder AddFacilitiesModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<FacilitiesDbContext, Data.SqliteFacilitiesDbContext, Data.PostgresFacilitiesDbContext>(FacilitiesDbContext.Module);
        builder.Services.AddScoped<IRegionCounter, FacilityCounter>();
        builder.Services.AddScoped<IMeasureSource, FacilitiesMeasures>();
        builder.Services.AddScoped<ICitySeeder, FacilitiesCitySeeder>();
        builder.Services.AddScoped<IMeasureSource, FacilityStandardsMeasures>();
        builder.Services.AddScoped<FacilityRegistry>();
        builder.Services.AddScoped<FacilityImporter>();
        builder.Services.AddScoped<StandardsQuery>();
        builder.Services.AddPermissions(FacilitiesPermissions.Declared);
        builder.Services.Configure<WalkingOptions>(builder.Configuration.GetSection(WalkingOptions.Section));
        builder.Services.AddSingleton<NetworkCache>();
        builder.Services.AddScoped<NetworkStore>();
        builder.Services.AddSingleton<Linli.Platform.Cli.ICommandVerb, ImportNetworkVerb>();
        builder.Services.AddSingleton<AccessibilityState>();
        builder.Services.AddScoped<AccessibilityService>();
        builder.Services.AddScoped<ICitySeeder, NetworkCitySeeder>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFacilities(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/facilities").WithTags("Facilities").RequireAuthorization();
        ListFacilitiesEndpoint.Map(api);
        RegistryEndpoints.Map(api);
        ImportFacilitiesEndpoint.Map(api);
        StandardsEndpoints.Map(api);
        // Walking minutes and the planner are planning figures of an area: for the roles that read the standards.
        var planning = api.MapGroup("").RequireAuthorization(FacilitiesPermissions.ReadStandards);
        NetworkStatusEndpoint.Map(planning);
        AccessibilityEndpoints.Map(planning);
        PlannerEndpoint.Map(planning);
        return app;
    }
}
