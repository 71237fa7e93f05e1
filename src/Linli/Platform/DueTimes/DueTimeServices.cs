using Linli.Platform.Jobs;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Platform.DueTimes;

internal static class DueTimeServices
{
    /// <summary>
    /// Lets a module keep due times of type <typeparamref name="TDue"/> (mapped in <typeparamref name="TContext"/> with
    /// <see cref="DueTimeMapping.IsDueTime{TDue}"/>): a watcher that fires them through <typeparamref name="THandler"/>
    /// on <paramref name="schedule"/>, and their recomputation when the holidays change, recorded under <paramref name="name"/>.
    /// </summary>
    public static IServiceCollection AddDueTimes<TContext, TDue, THandler>(this IServiceCollection services, string name,
        Func<IServiceProvider, PollSchedule> schedule)
        where TContext : DbContext
        where TDue : DueTime
        where THandler : class, IDueTimeHandler<TDue>
    {
        services.AddScoped<IDueTimeHandler<TDue>, THandler>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<DueTimeWatch<TContext, TDue>>(sp, name));
        services.AddSingleton<IDueTimeWatch>(sp => sp.GetRequiredService<DueTimeWatch<TContext, TDue>>());
        services.AddSingleton<IWorkingCalendarChangeHandler>(sp => ActivatorUtilities.CreateInstance<DueTimeRecomputation<TContext, TDue>>(sp, name));
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DueTimeJob<TContext, TDue>>(sp, schedule));
        services.TryAddSingleton<DueTimeWatcher>();
        return services;
    }
}
