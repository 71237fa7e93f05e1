using System.Globalization;
using Linli.Platform.Audit;
using Microsoft.AspNetCore.DataProtection;
using Linli.Platform.Auth;
using Linli.Platform.Caching;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Health;
using Linli.Platform.Export;
using Linli.Platform.InputHygiene;
using Linli.Platform.Hosting;
using Linli.Platform.Notifications;
using Linli.Platform.Persistence;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Linli.Platform.Security;
using Linli.Platform.Seeding;
using Linli.Platform.Startup;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace Linli.Platform;

internal static class PlatformModule
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IHostApplicationBuilder AddPlatform(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
        services.AddSingleton(TimeProvider.System);
        // Working days and office hours (调休 included) for every deadline: the holiday file in data/, per year overridden
        // by what an administrator enters (Platform/Calendar).
        builder.AddHolidayCalendar();
        services.AddHttpContextAccessor();
        // Reference data (region lists, map points, categories, Open311 keys): kept in memory within each one's bound, dropped by tag (docs/how-to/caching.md).
        services.AddHybridCache().AddSerializerFactory<Caching.InProcessValueSerializerFactory>();
        Caching.CacheClock.AddCacheClock(services);
        services.AddServerLimits(builder.Configuration);
        services.AddPublicLinks(builder.Configuration);
        services.AddScoped<IAreaScope, HttpAreaScope>();

        // The personal-data key is read when first needed (the key check at start-up), so a missing one stops the start with its own message.
        services.AddSingleton<PersonalDataKeySource>();
        services.AddSingleton<IPersonalDataProtector, KeyedPersonalDataProtector>();
        builder.AddModuleDbContext<ProtectionDbContext, Protection.Data.SqliteProtectionDbContext, Protection.Data.PostgresProtectionDbContext>(ProtectionDbContext.Module);
        services.AddScoped<IStartupTask, PersonalDataKeyCheck>();
        // The key ring lives in the database (shared by every instance), its secrets sealed with the personal-data key.
        services.AddDataProtection().PersistKeysToDbContext<ProtectionDbContext>().SetApplicationName("Linli");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<PersonalDataKeySource>((options, keys) => options.XmlEncryptor = new KeyRingXmlEncryptor(keys));
        services.AddSingleton<KeyRotator>();
        services.AddScoped<IPersonalDataRekeyer, KeyRingRekeyer>();
        services.AddSingleton<Cli.ICommandVerb, Cli.RotateKeysVerb>();
        services.AddOptions<PersonalData.NumberSearchOptions>().BindConfiguration(PersonalData.NumberSearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PersonalData.NumberSearchLimiter>();

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.AddAuditLog(Path.GetFullPath(database.DataFolder, builder.Environment.ContentRootPath));
        // The in-app inbox and the channels every module's outbox is drained into (Platform/Notifications).
        builder.AddNotifications();

        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
            FrameworkProblemTitles.Localize(context);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddInputHygiene();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)));
        services.AddOpenApi();

        // Each module declares its permissions and registers them as policies (Platform/Auth/Permission.cs).
        services.AddAuthorization();
        services.AddPermissions(PlatformPermissions.Declared);

        // Edge protection: rate limits (Platform/RateLimiting), forwarded headers from a configured proxy, HSTS over HTTPS.
        services.AddRateLimits(builder.Configuration);
        services.AddTableExports(builder.Configuration);
        services.Configure<ForwardedHeadersOptions>(options => ReverseProxy.Configure(options, builder.Configuration));
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddLocalization();
        // Pages are Chinese first: let Razor write CJK text as it is, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("zh-CN");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // The language switch is a cookie; the browser's language is not consulted for pages, so the default stays
            // Chinese. API clients may ask for theirs in Accept-Language (Platform/Localization/ApiAcceptLanguageProvider.cs).
            options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new Localization.ApiAcceptLanguageProvider()];
        });
        // Pages live in the module folders (Modules/<Module>/Pages, Platform/...), each with an absolute @page route.
        services.AddRazorPages(options => options.RootDirectory = "/")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(Localization.SharedResource)));
        services.AddScoped<Ui.IHomeTiles, Ui.PlatformHomeTiles>();

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<CalendarHealthCheck>("calendar");
        services.AddSingleton<DatabaseMigrator>();
        services.AddScoped<CitySeedRunner>();
        services.AddScoped<IStartupTask, DemoCity>();
        services.AddSingleton<Cli.ICommandVerb, Cli.MigrateVerb>();
        services.AddSingleton<Cli.ICommandVerb, Cli.SeedVerb>();

        if (!builder.Environment.IsDevelopment()) builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // First the client's real address and scheme (only from a configured proxy), then the headers every response carries.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        // The language first: the exception handler and the status-code pages answer after the inner middleware has
        // returned, and a culture set inside it would not reach them.
        app.UseRequestLocalization();
        app.UseExceptionHandler();
        // Bare status codes (404 from routing, 401 from the API) get a ProblemDetails body too.
        app.UseStatusCodePages();
        // A browser asking for a page gets an HTML error page instead (Platform/Ui/Error.cshtml); the API keeps ProblemDetails.
        app.UseWhen(
            ErrorResponses.WantsHtmlPage,
            pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        // wwwroot, including the front-end packages the build copies into wwwroot/lib (see Linli.csproj): the same files
        // under `dotnet run` and in the published build.
        app.UseStaticFiles();
        // Routing after the status-code pages, so that a re-executed error path finds its page.
        app.UseRouting();
        app.UseMiddleware<TransientFailureRetryMiddleware>(); // around everything that reads the database, sign-in checks included
        app.UseAuthentication();
        // After routing (the endpoint names its policy) and authentication (limits per account as well as per client).
        app.UseRateLimiter();
        // An account whose password an administrator reset reaches only the change-password page until it is changed.
        app.UsePasswordChangeGate();
        app.UseAuthorization();
        app.UseInputHygiene();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").CacheDocument();
        // No fonts from Scalar's CDN: the content-security policy allows none, and an intranet deployment reaches none.
        app.MapScalarApiReference("/api-docs", options => options.WithTitle("Linli API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts());
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        app.MapRazorPages();
        AuditEndpoints.Map(app);
        PreferenceEndpoints.Map(app);
        app.MapNotifications();
        return app;
    }

    /// <summary>Migrates every module, then runs the modules' start-up tasks in order (reference data, roles, demo).</summary>
    public static async Task PrepareAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // Options declared ValidateOnStart are checked before anything touches the database: a bad value stops the start here, naming its key.
        services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        using var scope = services.CreateScope();
        // Start-up tasks import and seed in bulk (rebuilding indexes), which is the owner role's work.
        scope.ServiceProvider.GetRequiredService<DatabaseSession>().AsOwner = true;
        foreach (var task in scope.ServiceProvider.GetServices<IStartupTask>().OrderBy(t => t.Order))
            await task.RunAsync(cancellationToken);
    }
}

/// <summary>With demo data on, the first start grows a small synthetic city (Demo:Scale of the full one).</summary>
internal sealed class DemoCity(IConfiguration configuration, CitySeedRunner runner) : IStartupTask
{
    public int Order => 100;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Enabled")) return;
        var scale = configuration.GetValue("Demo:Scale", 0.02);
        var seed = configuration.GetValue("Demo:Seed", 42);
        await runner.RunAsync(new CitySeedOptions(scale, seed), cancellationToken: cancellationToken);
    }
}
