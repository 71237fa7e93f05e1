using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Jobs;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.AddCategory;
using Linli.Modules.Requests.Features.CallerHistory;
using Linli.Modules.Requests.Features.ChangeCategory;
using Linli.Modules.Requests.Features.ChangeTicketCategory;
using Linli.Modules.Requests.Features.Close;
using Linli.Modules.Requests.Features.CoHandle;
using Linli.Modules.Requests.Features.Dispatch;
using Linli.Modules.Requests.Features.FindDuplicates;
using Linli.Modules.Requests.Features.EditRoutingRule;
using Linli.Modules.Requests.Features.Evaluate;
using Linli.Modules.Requests.Features.Extension;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Modules.Requests.Features.ListCategories;
using Linli.Modules.Requests.Features.ListRoutingRules;
using Linli.Modules.Requests.Features.ListTickets;
using Linli.Modules.Requests.Features.Metrics;
using Linli.Modules.Requests.Features.MyReports;
using Linli.Modules.Requests.Features.Photos;
using Linli.Modules.Requests.Features.Queues;
using Linli.Modules.Requests.Features.Open311;
using Linli.Modules.Requests.Features.Reply;
using Linli.Modules.Requests.Features.Return;
using Linli.Modules.Requests.Features.Sign;
using Linli.Modules.Requests.Features.Suspend;
using Linli.Modules.Requests.Features.Track;
using Linli.Modules.Requests.Features.Whistle;
using Linli.Modules.Requests.Jobs;
using Linli.Modules.Requests.Seeding;
using Linli.Platform.Attachments;
using Linli.Platform.Auth;
using Linli.Platform.DueTimes;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Platform.Notifications.Sms;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Linli.Platform.Startup;
using Linli.Platform.Validation;

namespace Linli.Modules.Requests;

internal static class RequestsModule
{
    public static IHostApplicationBuilder AddRequestsModule(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPermissions(RequestsPermissions.Declared);
        // Deadlines are read only by the deadline watcher, which runs outside any request and so sees every ticket: the
        // scope filter on tickets never hides a deadline's ticket, and EF's warning about that combination does not apply.
        // (Set here, not in OnConfiguring, which would rebuild the context's options on every instance.)
        builder.AddModuleDbContext<RequestsDbContext, Data.SqliteRequestsDbContext, Data.PostgresRequestsDbContext>(RequestsDbContext.Module, db => db.ConfigureWarnings(w =>
            w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning)));
        builder.Services.AddOptions<RequestsOptions>().Bind(builder.Configuration.GetSection(RequestsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<IStartupTask, EnsureCategories>();
        builder.Services.AddSingleton<RegionLocator>();
        builder.Services.AddSingleton<TicketNumbers>();
        builder.Services.AddScoped<TicketWorkflow>();
        builder.Services.AddScoped<TicketActionRunner>();
        builder.Services.AddScoped<Features.BulkDispatch.BulkDispatcher>();
        builder.Services.AddScoped<FileTicketHandler>();
        builder.Services.AddScoped<Contracts.ICareFollowUps, ContractImplementations.CareFollowUps>();
        builder.Services.AddScoped<RequestMetrics>();
        builder.Services.AddAttachments<RequestsDbContext>();
        builder.Services.AddScoped<IAttachmentOwner, TicketPhotoOwner>();
        builder.Services.AddScoped<TicketPhotos>();
        builder.Services.AddScoped<IStartupTask, AdoptEarlierPhotos>();
        builder.Services.AddScoped<Pages.UnitNames>();
        builder.Services.AddScoped<TicketIntake>();
        builder.Services.AddSingleton<Features.Classification.ClassifierHolder>();
        builder.Services.AddScoped<Features.Classification.ClassifierRegistry>();
        builder.Services.AddScoped<Features.Classification.ClassifierSuggestions>();
        builder.Services.AddSingleton<Features.PlaceRecognition.RegionPlaces>();
        builder.Services.AddSingleton<Linli.Platform.Cli.ICommandVerb, Features.Classification.TrainClassifierVerb>();
        builder.Services.AddSingleton<Linli.Platform.Cli.ICommandVerb, Features.Classification.EvaluateClassifierVerb>();
        builder.Services.AddHostedService<ClassifierRetraining>();
        builder.Services.AddScoped<Features.Hotspots.HotspotDetector>();
        builder.Services.AddScoped<Features.Hotspots.HotspotQueries>();
        builder.Services.AddScoped<Features.Hotspots.ProactiveTickets>();
        builder.Services.AddHostedService<HotspotDetection>();
        builder.Services.AddScoped<Features.CallerHistory.CallerHistoryLookup>();
        builder.Services.AddScoped<Platform.Protection.IPersonalDataRekeyer, Data.TicketPhonesRekeyer>();
        builder.Services.AddScoped<Platform.Protection.IPersonalDataRekeyer, Data.Open311ContactsRekeyer>();
        builder.Services.AddSingleton<IntakeCommitter>();
        builder.Services.AddIdempotency<RequestsDbContext>();
        builder.Services.AddSingleton<CategoryCatalog>();
        builder.Services.AddSingleton<Open311Catalog>();
        builder.Services.AddSingleton<Open311KeyCache>();
        builder.Services.AddProblemDetailsWriterFirst<Features.Open311Errors.Open311ProblemDetailsWriter>();
        builder.Services.AddScoped<Features.Open311.PostRequest.PostRequestHandler>();
        builder.Services.AddScoped<Features.Open311.PostUpdate.PostUpdateHandler>();
        builder.Services.AddScoped<IStartupTask, EnsureOpen311Examples>();
        builder.Services.AddScoped<ICitySeeder, TicketHistorySeeder>();
        // Deadlines and notifications are the platform's mechanisms (Platform/DueTimes, Platform/Notifications) over the
        // module's own tables: the watcher fires deadlines through TicketDeadlines, the sender drains the outbox.
        builder.Services.AddDueTimes<RequestsDbContext, Deadline, TicketDeadlines>(TicketDeadlines.Name, sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestsOptions>>().Value;
            return new PollSchedule(options.RunJobs, TimeSpan.FromSeconds(options.PollSeconds));
        });
        builder.Services.AddOutbox<RequestsDbContext, TicketMessage>(RequestsDbContext.Module, sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestsOptions>>().Value;
            return new PollSchedule(options.RunJobs, TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds / 5)));
        });
        builder.Services.AddSingleton<ISmsRecipients, ReporterPhones>();
        builder.Services.AddSingleton(new InboxLink(TicketMessage.Kind, "查看工单", (id, user) => user.IsInRole(Roles.Resident) ? null : $"/requests/tickets/{id}"));
        builder.Services.AddScoped<Linli.Platform.Ui.IHomeTiles, Features.Home.RequestsHomeTiles>();
        builder.Services.AddSingleton<Features.Metrics.TicketStatsRollup>();
        builder.Services.AddHostedService<Features.Metrics.TicketStatsRollupService>();
        builder.Services.AddScoped<Linli.Modules.Indicators.Contracts.IMeasureSource, ContractImplementations.RequestMeasures>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRequests(this IEndpointRouteBuilder app)
    {
        var categories = app.MapGroup("/api/requests/categories").WithTags("Requests").RequireAuthorization().WithValidation();
        ListCategoriesEndpoint.Map(categories);
        var configure = categories.MapGroup("").RequireAuthorization(RequestsPermissions.ConfigureRequests);
        AddCategoryEndpoint.Map(configure);
        ChangeCategoryEndpoint.Map(configure);

        var rules = app.MapGroup("/api/requests/routing-rules").WithTags("Requests").RequireAuthorization(RequestsPermissions.ConfigureRequests).WithValidation();
        ListRoutingRulesEndpoint.Map(rules);
        EditRoutingRuleEndpoint.Map(rules);

        // Reading is scoped by the context's filter; each action checks who may take it (403) and the state (409).
        var tickets = app.MapGroup("/api/requests/tickets").WithTags("Requests").RequireAuthorization().WithValidation();
        FileTicketEndpoint.Map(tickets);
        ListTicketsEndpoint.Map(tickets);
        GetTicketEndpoint.Map(tickets);
        DispatchEndpoint.Map(tickets);
        Features.BulkDispatch.BulkDispatchEndpoint.Map(tickets);
        SignEndpoint.Map(tickets);
        ReturnEndpoint.Map(tickets);
        CoHandleEndpoint.Map(tickets);
        ExtensionEndpoints.Map(tickets);
        SuspendEndpoints.Map(tickets);
        WhistleEndpoints.Map(tickets);
        ChangeTicketCategoryEndpoint.Map(tickets);
        ReplyEndpoint.Map(tickets);
        EvaluateEndpoint.Map(tickets);
        CloseEndpoint.Map(tickets);
        DuplicatesEndpoints.Map(tickets);
        TicketPhotoEndpoints.Map(tickets);
        CallerHistoryEndpoint.Map(app.MapGroup("/api/requests").WithTags("Requests")
            .RequireAuthorization(policy => policy.RequireRole(Roles.HotlineOperator)).WithValidation());

        Features.Hotspots.HotspotEndpoints.Map(app);
        Features.Classification.ClassifyEndpoint.Map(app.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization().WithValidation());
        Features.Classification.ClassifierAdminEndpoints.Map(app.MapGroup("/api/requests/classifier").WithTags("Requests")
            .RequireAuthorization(RequestsPermissions.ConfigureRequests).WithValidation());

        var reports = app.MapGroup("/api/requests").WithTags("Requests").RequireAuthorization();
        TicketQueues.Map(reports);
        QueueExport.Map(reports);
        MetricsEndpoints.Map(reports);
        MyReports.Map(reports);
        TicketTracking.Map(app);

        Open311Endpoints.Map(app);
        return app;
    }
}
