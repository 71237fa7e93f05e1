using Linli.Modules.Regions.ContractImplementations;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Features.GetBoundaries;
using Linli.Modules.Regions.Features.GetRegion;
using Linli.Modules.Regions.Features.Import;
using Linli.Modules.Regions.Features.ListCommunities;
using Linli.Modules.Regions.Features.SearchRegions;
using Linli.Modules.Regions.Seeding;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions;

internal static class RegionsModule
{
    public static IHostApplicationBuilder AddRegionsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<RegionsDbContext, Data.SqliteRegionsDbContext, Data.PostgresRegionsDbContext>(RegionsDbContext.Module);
        builder.Services.AddScoped<IRegionDirectory, RegionDirectory>();
        builder.Services.AddScoped<Linli.Platform.Ui.IRegionNames>(sp => (RegionDirectory)sp.GetRequiredService<IRegionDirectory>());
        builder.Services.AddScoped<IRegionCounter, GridCounter>();
        builder.Services.AddScoped<Linli.Modules.Indicators.Contracts.IMeasureSource, RegionMeasures>();
        builder.Services.AddSingleton<DistrictGeometry>();
        builder.Services.AddSingleton<IDistrictGeometry>(sp => sp.GetRequiredService<DistrictGeometry>());
        builder.Services.AddScoped<RegionDetailsQuery>();
        builder.Services.AddScoped<RegionFileImporter>();
        builder.Services.AddScoped<IStartupTask, ImportRegionsAtFirstStart>();
        builder.Services.AddScoped<ICitySeeder, RegionsCitySeeder>();
        builder.Services.AddSingleton<Linli.Platform.Cli.ICommandVerb, ImportRegionsVerb>();
        builder.Services.AddScoped<Linli.Platform.Ui.IHomeTiles, Features.Home.RegionsHomeTiles>();
        builder.Services.AddScoped<Linli.Platform.Ui.IScopeName, Features.Home.RegionsHomeTiles>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/regions").WithTags("Regions").RequireAuthorization();
        GetBoundariesEndpoint.Map(api);
        GetRegionEndpoint.Map(api);
        SearchRegionsEndpoint.Map(api);
        ListCommunitiesEndpoint.Map(api);
        return app;
    }
}

/// <summary>An empty database gets the official tree and boundaries from data/ before anything else runs.</summary>
internal sealed class ImportRegionsAtFirstStart(RegionsDbContext db, RegionFileImporter importer, IConfiguration configuration, DistrictGeometry geometry)
    : IStartupTask
{
    public int Order => 10;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Regions.AnyAsync(cancellationToken)) return;
        var folder = ReferenceData.Folder(configuration);
        await using var regions = File.OpenRead(Path.Combine(folder, configuration["ReferenceData:Regions"] ?? ReferenceData.RegionsFile));
        await using var boundaries = File.OpenRead(Path.Combine(folder, configuration["ReferenceData:Boundaries"] ?? ReferenceData.BoundariesFile));
        await importer.ImportAsync(regions, boundaries, cancellationToken);
        geometry.Invalidate();
    }
}
