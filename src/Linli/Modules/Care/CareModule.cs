using Linli.Modules.Care.Data;
using Linli.Modules.Care.Features.DueVisits;
using Linli.Modules.Care.Features.Events;
using Linli.Modules.Care.Features.RaiseTier;
using Linli.Modules.Care.Features.RecordVisit;
using Linli.Modules.Care.Features.Roster;
using Linli.Modules.Care.Features.SyncRoster;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Linli.Platform.Validation;

namespace Linli.Modules.Care;

/// <summary>Care for special groups (关爱探访): the roster from the resident pool's tags, risk tiers, visit plans as rules, visits and their follow-ups.</summary>
internal static class CareModule
{
    public static IHostApplicationBuilder AddCareModule(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<CareDbContext, SqliteCareDbContext, PostgresCareDbContext>(CareDbContext.Module);
        builder.Services.AddPermissions(CarePermissions.Declared);
        builder.Services.AddScoped<RosterSync>();
        builder.Services.AddScoped<TierRaiser>();
        builder.Services.AddScoped<MajorEvents>();
        builder.Services.AddScoped<VisitRecorder>();
        builder.Services.AddScoped<DueVisitsQuery>();
        builder.Services.AddHostedService<Jobs.RosterSyncJob>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCare(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/care").WithTags("Care").RequireAuthorization(CarePermissions.ReadCare).WithValidation();
        var roster = api.MapGroup("/roster");
        RosterEndpoints.Map(roster);
        RaiseTierEndpoint.Map(roster);
        var visits = api.MapGroup("/visits");
        DueVisitsEndpoint.Map(visits);
        RecordVisitEndpoint.Map(visits);
        MajorEventEndpoint.Map(api.MapGroup("/events"));
        return app;
    }
}
