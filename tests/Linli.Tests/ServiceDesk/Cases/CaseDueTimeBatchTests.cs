using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Jobs;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Linli.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.ServiceDesk.Cases.ServiceDeskApp;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>
/// The due-time job's handler (<see cref="CaseDueTimes"/>) works a batch with a fixed number of queries, whatever the
/// number of cases in it. Only the handler's own commands are counted: a decorator marks its calls (an AsyncLocal that
/// flows into EF's command interceptor), so the other modules' background jobs, the watcher's claim and its save, which
/// run in the same window, are not; the service desk's own polling is off, so each batch is fired by the test once.
/// </summary>
public sealed class CaseDueTimeBatchTests : IAsyncLifetime
{
    private readonly ServiceDeskApp _desk = new();
    private readonly HandlerCommands _commands = new();

    public async Task InitializeAsync()
    {
        await _desk.InitializeAsync();
        // The application again on the same database, with the handler's commands counted.
        var restarted = new Infrastructure.LinliFactory(_desk.App)
        {
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(_desk.Clock);
                s.Configure<CaseOptions>(o => o.RunJobs = false);
                s.ConfigureDbContext<ServiceDeskDbContext>(o => o.AddInterceptors(_commands));
                s.AddScoped<IDueTimeHandler<CaseDueTime>>(sp => new CountedHandler(ActivatorUtilities.CreateInstance<CaseDueTimes>(sp), _commands));
            },
        };
        await _desk.App.DisposeAsync();
        _ = restarted.Server;
        _desk.App = restarted;
    }

    public Task DisposeAsync() => _desk.DisposeAsync();

    private static DateTime China(int month, int day, int hour) => WorkingCalendar.ToUtc(new DateTime(2026, month, day, hour, 0, 0));
    private void MoveTo(DateTime utc) => _desk.Clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));
    private Task<int> FireAsync() => _desk.App.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();

    /// <summary>Cases received now: at the village window, and online with a 差评 at 收件 (so a follow-up falls due with the notice window).</summary>
    private async Task<List<long>> ReceiveAsync(int atWindow, int onlineRatedPoorly)
    {
        var ids = new List<long>();
        for (var i = 0; i < atWindow; i++) ids.Add((await _desk.ReceiveAsync(await _desk.NewResidentAsync())).Id());
        var resident = await _desk.App.ClientForAsync("resident.online");
        for (var i = 0; i < onlineRatedPoorly; i++)
        {
            var id = (await (await resident.PostAsJsonAsync("/api/service-cases/online", new
            {
                applicant = new { idNumber = Residents.ResidentTestData.NewIdNumber(), name = "网上申请人", homeCommunityCode = Home }, itemCode = CityWideItem,
            })).Json(HttpStatusCode.Created)).Id();
            await (await resident.PostAsJsonAsync($"/api/service-cases/{id}/ratings", new { level = "VeryDissatisfied", comment = "等了很久" })).Json(HttpStatusCode.Created);
            ids.Add(id);
        }
        return ids;
    }

    [Fact]
    public async Task The_due_time_job_works_a_batch_of_five_cases_with_the_queries_of_a_batch_of_two_and_reads_no_item()
    {
        var small = await ReceiveAsync(atWindow: 1, onlineRatedPoorly: 1); // Monday 2 Nov: due at the end of Monday 9 Nov
        MoveTo(China(11, 3, 9));
        var large = await ReceiveAsync(atWindow: 3, onlineRatedPoorly: 2); // Tuesday 3 Nov: due at the end of Tuesday 10 Nov

        MoveTo(China(11, 10, 9));
        Assert.Equal(3, await FireAsync()); // two notice windows (accepted by law), one follow-up (escalated)
        MoveTo(China(11, 11, 9));
        Assert.Equal(7, await FireAsync());

        var ids = small.Concat(large).ToList();
        var (states, overdue) = await _desk.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ServiceDeskDbContext>();
            return (await db.ServiceCases.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).Select(c => new { c.State, c.AcceptedByLaw }).ToListAsync(),
                await db.CaseRatings.CountAsync(r => r.FollowUpOverdue));
        });
        Assert.Equal(7, states.Count);
        Assert.All(states, c => Assert.True(c is { State: CaseState.Accepted, AcceptedByLaw: true }));
        Assert.Equal(3, overdue);

        var calls = _commands.Calls.ToList();
        Assert.Equal([2, 5], calls.Select(c => c.Cases));
        Assert.NotEmpty(calls[0].Commands);
        // A query per case (or per due time) would make the larger batch's list longer.
        Assert.Equal(calls[0].Commands.Count, calls[1].Commands.Count);
        // Accepting by law needs neither the case's item nor its version.
        Assert.All(calls.SelectMany(c => c.Commands), c => Assert.DoesNotContain("service_item", c, StringComparison.Ordinal));
    }

    /// <summary>The real handler, its calls marked so that only their commands are counted.</summary>
    private sealed class CountedHandler(CaseDueTimes inner, HandlerCommands commands) : IDueTimeHandler<CaseDueTime>
    {
        public async Task FireAsync(IReadOnlyList<CaseDueTime> due, DateTime now, CancellationToken cancellationToken)
        {
            using var _ = commands.Begin(due.Select(d => d.CaseId).Distinct().Count());
            await inner.FireAsync(due, now, cancellationToken);
        }

        public Task<int> CalendarChangedAsync(WorkingCalendarChange change, IReadOnlyList<CaseDueTime> moved, CancellationToken cancellationToken) =>
            inner.CalendarChangedAsync(change, moved, cancellationToken);
    }

    /// <summary>The commands run while a handler call is marked (in its async flow), per call.</summary>
    private sealed class HandlerCommands : DbCommandInterceptor
    {
        public sealed record Call(int Cases)
        {
            public List<string> Commands { get; } = [];
        }

        private readonly AsyncLocal<Call?> _current = new();
        public System.Collections.Concurrent.ConcurrentQueue<Call> Calls { get; } = new();

        public IDisposable Begin(int cases)
        {
            var call = new Call(cases);
            Calls.Enqueue(call);
            _current.Value = call;
            return new End(() => _current.Value = null);
        }

        private void Record(DbCommand command)
        {
            if (_current.Value is { } call) lock (call) call.Commands.Add(command.CommandText);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
            CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Record(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result,
            CancellationToken cancellationToken = default)
        {
            Record(command);
            return ValueTask.FromResult(result);
        }

        private sealed class End(Action end) : IDisposable
        {
            public void Dispose() => end();
        }
    }
}
