using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Attachments;
using Linli.Platform.Auth;
using Linli.Platform.DueTimes;
using Linli.Platform.Idempotency;
using Linli.Platform.Notifications;
using Linli.Platform.Persistence;
using Linli.Platform.Validation;

namespace Linli.Modules.ServiceDesk;

/// <summary>
/// The service desk (全市通办): the catalog of service items, cases received at any community and followed to the
/// result, appointments at the windows, and ratings (好差评).
/// </summary>
internal static class ServiceDeskModule
{
    public static IHostApplicationBuilder AddServiceDeskModule(this IHostApplicationBuilder builder)
    {
        // Due times and the outbox are read only by their watchers, outside any request, which see every case: the scope
        // filter on cases never hides a due time's case, and EF's warning about that combination does not apply.
        builder.AddModuleDbContext<ServiceDeskDbContext, SqliteServiceDeskDbContext, PostgresServiceDeskDbContext>(ServiceDeskDbContext.Module, db => db.ConfigureWarnings(w =>
            w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
        builder.Services.AddPermissions(ServiceDeskPermissions.Declared);
        builder.Services.AddScoped<Platform.Startup.IStartupTask, Seeding.EnsureServiceItems>();
        builder.Services.AddScoped<Platform.Seeding.ICitySeeder, Seeding.CaseHistorySeeder>();
        builder.Services.AddScoped<Indicators.Contracts.IMeasureSource, ContractImplementations.ServiceDeskMeasures>();
        builder.AddAppointments();
        // Cases (办件): intake, steps, due times and notifications over the module's own tables (Platform/DueTimes, Platform/Notifications).
        builder.Services.AddOptions<Domain.Cases.CaseOptions>().Bind(builder.Configuration.GetSection(Domain.Cases.CaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Features.CaseShared.CaseNumbers>();
        builder.Services.AddScoped<Features.CaseShared.CaseWorkflow>();
        builder.Services.AddScoped<Features.RateCase.CaseRater>();
        builder.Services.AddSingleton<Features.TrackCase.TrackProof>();
        builder.Services.AddScoped<Features.ReceiveCase.CaseIntake>();
        builder.Services.AddScoped<Features.ReceiveCase.OnlineApplication>();
        // The files of online applications, per material of a case, read by whoever may see the case (Platform/Attachments).
        builder.Services.AddAttachments<ServiceDeskDbContext>();
        builder.Services.AddScoped<Platform.Attachments.IAttachmentOwner, Features.CaseFiles.CaseMaterialFileOwner>();
        builder.Services.AddScoped<Features.CaseFiles.CaseMaterialFiles>();
        builder.Services.AddScoped<Features.ListCases.CaseList>();
        builder.Services.AddScoped<Linli.Platform.Ui.IHomeTiles, Features.Home.ServiceDeskHomeTiles>();
        builder.Services.AddScoped<Features.ListRatings.RatingList>();
        builder.Services.AddSingleton<Platform.Notifications.Sms.ISmsRecipients, Jobs.ApplicantPhones>();
        // The statistics' daily roll-up, kept equal to a recount by marks written with every change (ServiceDeskDbContext).
        builder.Services.AddSingleton<Features.Statistics.CaseStatsRollup>();
        builder.Services.AddHostedService<Features.Statistics.CaseStatsRollupService>();
        builder.Services.AddIdempotency<ServiceDeskDbContext>();
        // The applicants' ID numbers move with every other personal number when the key is rotated (rotate-keys).
        builder.Services.AddScoped<Platform.Protection.IPersonalDataRekeyer, Data.ServiceCaseApplicantsRekeyer>();
        builder.Services.AddDueTimes<ServiceDeskDbContext, Domain.Cases.CaseDueTime, Jobs.CaseDueTimes>(Jobs.CaseDueTimes.Name, sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Domain.Cases.CaseOptions>>().Value;
            return new Platform.Jobs.PollSchedule(options.RunJobs, TimeSpan.FromSeconds(options.PollSeconds));
        });
        builder.Services.AddOutbox<ServiceDeskDbContext, Domain.Cases.CaseMessage>(ServiceDeskDbContext.Module, sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Domain.Cases.CaseOptions>>().Value;
            return new Platform.Jobs.PollSchedule(options.RunJobs, TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds / 5)));
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapServiceDesk(this IEndpointRouteBuilder app)
    {
        MapCatalog(app);
        app.MapAppointments();
        var statistics = app.MapGroup("/api/service-desk/statistics").WithTags("ServiceDesk").WithValidation()
            .RequireAuthorization(ServiceDeskPermissions.ReadStatistics);
        Features.Statistics.CaseStatistics.Map(statistics);
        Features.Statistics.StatisticsExport.Map(statistics);
        // Reading is scoped by the context's filter; each step checks who may take it (403) and the state (409).
        var cases = app.MapGroup("/api/service-cases").WithTags("ServiceDesk").RequireAuthorization(ServiceDeskPermissions.HandleCases).WithValidation();
        Features.ReceiveCase.ReceiveCaseEndpoint.Map(cases);
        Features.ListCases.CaseExport.Map(cases);
        Features.ListCases.ListCasesEndpoint.Map(cases);
        Features.CaseActions.CaseActionEndpoints.Map(cases);
        // 好差评 of the cases in the caller's scope (supervisors and community workers: those who handle cases).
        var ratings = app.MapGroup("/api/service-desk/ratings").WithTags("ServiceDesk").RequireAuthorization(ServiceDeskPermissions.HandleCases).WithValidation();
        Features.ListRatings.RatingExport.Map(ratings);
        Features.ListRatings.RatingList.Map(ratings);
        // Ratings and online applications are the applicant's (residents) as well as the staff's: each checks who acts.
        var applicants = app.MapGroup("/api/service-cases").WithTags("ServiceDesk").RequireAuthorization().WithValidation();
        Features.RateCase.RateCaseEndpoints.Map(applicants);
        Features.ReceiveCase.OnlineApplicationEndpoint.Map(applicants);
        Features.CaseFiles.CaseFileEndpoints.Map(applicants);
        // Anyone holding a case number follows it (anonymous, rate-limited, audited).
        Features.TrackCase.CaseTracking.Map(app);
        Features.TrackCase.TrackRatingEndpoints.Map(app);
        return app;
    }

    /// <summary>The catalog: read by anyone without signing in (rate-limited per client), written by administrators.</summary>
    private static void MapCatalog(IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/service-items").WithTags("ServiceDesk").WithValidation();
        var read = items.MapGroup("").AllowAnonymous().RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.PublicRead);
        Features.Catalog.ListServiceItems.ListServiceItemsEndpoint.Map(read);
        Features.Catalog.DistrictItems.DistrictItemsEndpoints.MapRead(read);
        Features.Catalog.GetServiceItem.GetServiceItemEndpoint.Map(read);
        var configure = items.MapGroup("").RequireAuthorization(ServiceDeskPermissions.ConfigureCatalog);
        Features.Catalog.EditItem.EditItemEndpoints.Map(configure);
        Features.Catalog.PublishItem.PublishItemEndpoint.Map(configure);
        Features.Catalog.RetireItem.RetireItemEndpoint.Map(configure);
        Features.Catalog.DistrictItems.DistrictItemsEndpoints.MapWrite(configure);
    }
}
