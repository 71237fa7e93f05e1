using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.ContractImplementations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.CreateResident;
using Linli.Modules.Residents.Features.GetHousehold;
using Linli.Modules.Residents.Features.GetResident;
using Linli.Modules.Residents.Features.ImportResidents;
using Linli.Modules.Residents.Features.RevealPersonalData;
using Linli.Modules.Residents.Features.SearchResidents;
using Linli.Modules.Residents.Features.Verifications;
using Linli.Modules.Residents.Seeding;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Linli.Platform.Validation;

namespace Linli.Modules.Residents;

/// <summary>The resident pool (常住人口信息池): households, residents and population tags.</summary>
internal static class ResidentsModule
{
    public static IHostApplicationBuilder AddResidentsModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<ResidentsDbContext, Data.SqliteResidentsDbContext, Data.PostgresResidentsDbContext>(ResidentsDbContext.Module);
        builder.Services.AddPermissions(ResidentsPermissions.Declared);
        builder.Services.AddScoped<IResidentDirectory, ResidentDirectory>();
        builder.Services.AddScoped<IVolunteerResidents, VolunteerResidents>();
        builder.Services.AddScoped<ICommunityPopulation, CommunityPopulationCounts>();
        builder.Services.AddScoped<ISyntheticResidents, SyntheticResidents>();
        builder.Services.AddScoped<IHouseholdPoints, HouseholdPoints>();
        builder.Services.AddScoped<ICareRoster, CareRosterReader>();
        builder.Services.AddScoped<IRegionCounter, HouseholdCounter>();
        builder.Services.AddScoped<IRegionCounter, ResidentCounter>();
        builder.Services.AddScoped<Linli.Modules.Indicators.Contracts.IMeasureSource, ResidentMeasures>();
        builder.Services.AddScoped<PlacementRules>();
        builder.Services.AddScoped<ResidentSearch>();
        builder.Services.AddScoped<ResidentDetailsQuery>();
        builder.Services.AddScoped<HouseholdQuery>();
        builder.Services.AddScoped<CreateResidentHandler>();
        builder.Services.AddScoped<RevealHandler>();
        builder.Services.AddScoped<ResidentImporter>();
        builder.Services.AddScoped<NumberSearchGuard>();
        builder.Services.AddScoped<DuplicateRegistrations>();
        builder.Services.AddScoped<VerificationQueries>();
        builder.Services.AddScoped<Platform.Protection.IPersonalDataRekeyer, Data.ResidentsRekeyer>();
        builder.Services.AddScoped<Platform.Protection.IPersonalDataRekeyer, Data.VerificationsRekeyer>();
        builder.Services.AddScoped<ICitySeeder, ResidentsCitySeeder>();
        builder.Services.AddScoped<Linli.Platform.Ui.IHomeTiles, Features.Home.ResidentsHomeTiles>();
        return builder;
    }

    public static IEndpointRouteBuilder MapResidents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/residents").WithTags("Residents").RequireAuthorization(ResidentsPermissions.ReadPeople).WithValidation();
        SearchResidentsEndpoint.Map(api);
        Features.ExportResidents.ResidentExport.Map(api);
        GetResidentEndpoint.Map(api);
        GetHouseholdEndpoint.Map(api);
        CreateResidentEndpoint.Map(api);
        RevealEndpoint.Map(api);
        ImportResidentsEndpoint.Map(api);
        VerificationsEndpoint.Map(api);
        return app;
    }
}
