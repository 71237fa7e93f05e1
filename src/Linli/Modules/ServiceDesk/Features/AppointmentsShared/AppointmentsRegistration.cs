using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsBook;
using Linli.Modules.ServiceDesk.Features.AppointmentsCancel;
using Linli.Modules.ServiceDesk.Features.AppointmentsCheckIn;
using Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;
using Linli.Modules.ServiceDesk.Features.AppointmentsListSlots;
using Linli.Modules.ServiceDesk.Features.AppointmentsMine;
using Linli.Modules.ServiceDesk.Features.AppointmentsPublishSlots;
using Linli.Modules.ServiceDesk.Features.AppointmentsQueue;
using Linli.Modules.ServiceDesk.Features.AppointmentsReminders;
using Linli.Platform.Calendar;
using Linli.Platform.Jobs;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Platform.Validation;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsShared;

/// <summary>预约办: the services and endpoints of appointments, registered from <see cref="ServiceDeskModule"/>.</summary>
internal static class AppointmentsRegistration
{
    public static IHostApplicationBuilder AddAppointments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AppointmentOptions>().Bind(builder.Configuration.GetSection(AppointmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AppointmentBooker>();
        services.AddSingleton<AppointmentChores>();
        services.AddHostedService<AppointmentChoresJob>();
        services.AddSingleton<IWorkingCalendarChangeHandler, HolidayClosures>();
        services.AddOutbox<ServiceDeskDbContext, AppointmentMessage>("servicedesk.appointments", sp =>
        {
            var options = sp.GetRequiredService<IOptions<AppointmentOptions>>().Value;
            return new PollSchedule(options.RunJobs, TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds / 5)));
        });
        services.AddSingleton(new InboxLink(AppointmentMessage.Kind, "查看预约", (_, _) => "/appointments"));
        return builder;
    }

    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder app)
    {
        ListSlots.Map(app);
        var residents = app.MapGroup("/api/appointments").WithTags("ServiceDesk").RequireAuthorization().WithValidation();
        BookEndpoint.Map(residents);
        CancelBooking.Map(residents);
        MyBookings.Map(residents);
        var windows = app.MapGroup("/api/appointments").WithTags("ServiceDesk").RequireAuthorization(ServiceDeskPermissions.HandleCases).WithValidation();
        PublishSlots.Map(windows);
        CloseDay.Map(windows);
        CheckIn.Map(windows);
        QueueEndpoints.Map(windows);
        return app;
    }
}
