using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Indicators.ContractImplementations;
using Linli.Modules.Indicators.Data;
using Linli.Modules.Indicators.Domain.DataEntry;
using Linli.Modules.Indicators.Features.DataEntry;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;

namespace Linli.Modules.Indicators;

/// <summary>Data entry (填报, issue 10 §1 point 3): its context (migrated at start like every module's), permission, workflow, measures and endpoints.</summary>
internal static class DataEntryRegistration
{
    public static IHostApplicationBuilder AddIndicatorDataEntry(this IHostApplicationBuilder builder)
    {
        builder.AddModuleDbContext<IndicatorsDbContext, SqliteIndicatorsDbContext, PostgresIndicatorsDbContext>(IndicatorsDbContext.Module);
        builder.Services.AddPermissions(DataEntryPermissions.Declared);
        builder.Services.AddScoped<EntryWorkflow>();
        builder.Services.AddScoped<IMeasureSource, EnteredMeasures>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIndicatorDataEntry(this IEndpointRouteBuilder app)
    {
        EntryEndpoints.Map(app.MapGroup("/api/indicators/entries").WithTags("Indicators").RequireAuthorization(DataEntryPermissions.EnterData));
        return app;
    }
}
