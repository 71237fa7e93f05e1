using Linli.Modules.Indicators.Domain;
using Linli.Modules.Indicators.Features.BelowStandard;
using Linli.Modules.Indicators.Features.Board;
using Linli.Modules.Indicators.Features.GetIndicator;
using Linli.Modules.Indicators.Features.ListIndicators;
using Linli.Platform.Auth;
using Linli.Platform.Startup;

namespace Linli.Modules.Indicators;

internal static class IndicatorsModule
{
    public static IHostApplicationBuilder AddIndicatorsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPermissions(IndicatorsPermissions.Declared);
        // The catalog is read once at start; a mistake in the file stops the start naming the indicator and field.
        var file = Path.Combine(ReferenceData.Folder(builder.Configuration), builder.Configuration["ReferenceData:Indicators"] ?? IndicatorCatalog.File);
        builder.Services.AddSingleton(_ => IndicatorCatalog.Parse(File.ReadAllText(file)));
        builder.Services.AddScoped<IndicatorBoard>();
        builder.AddIndicatorDataEntry();
        builder.Services.AddScoped<Platform.Ui.IHomeTiles, Features.Home.IndicatorsHomeTiles>();
        return builder;
    }

    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/indicators").WithTags("Indicators").RequireAuthorization(IndicatorsPermissions.ReadIndicators);
        ListIndicatorsEndpoint.Map(api);
        GetIndicatorEndpoint.Map(api);
        BelowStandardEndpoint.Map(api);
        app.MapIndicatorDataEntry();
        Features.Report.YearlyReportData.Map(api);
        return app;
    }
}
