using System.Globalization;
using System.Text;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Calendar;

/// <summary>The holidays shipped in data/ (china-holidays-*.json): the default for every year no administrator entered.</summary>
internal sealed class ShippedHolidays(IReadOnlyList<HolidayEntry> entries)
{
    public IReadOnlyList<HolidayEntry> All { get; } = entries;

    public IReadOnlyList<HolidayEntry> Year(int year) => All.Where(e => e.Date.Year == year).OrderBy(e => e.Date).ToList();

    public bool Covers(int year) => All.Any(e => e.Date.Year == year);
}

/// <summary>A year as the administrators' page shows it.</summary>
internal sealed record HolidayYear(int Year, IReadOnlyList<HolidayEntry> Days, bool Entered, bool Shipped, CalendarRevision? LastChange, int LastChangeItems);

/// <summary>
/// The holiday calendar an administrator maintains: a year entered or imported here replaces the shipped file's days of
/// that year (stored in the calendar tables, each change a revision, audited). A revision takes effect once every
/// module has moved its open deadlines under it (<see cref="IWorkingCalendarChangeHandler"/>): on the instance that
/// saved it at once, on the others within Calendar:RefreshSeconds (<see cref="CalendarRefreshJob"/>), which also
/// finishes a revision whose recomputation was interrupted.
/// </summary>
internal sealed class HolidayCalendar(
    IServiceScopeFactory scopes, WorkingCalendar calendar, ShippedHolidays shipped, IEnumerable<IWorkingCalendarChangeHandler> handlers,
    TimeProvider clock, ILogger<HolidayCalendar> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<HolidayYear> YearAsync(int year, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();
        var entered = await db.Days.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var last = await db.Revisions.AsNoTracking().Where(r => r.Year == year).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var items = last is null ? 0 : await db.Recomputations.Where(r => r.RevisionId == last.Id).SumAsync(r => r.Items, cancellationToken);
        var days = entered.Count > 0 ? entered.Select(d => new HolidayEntry(d.Date, d.Kind, d.Name)).ToList() : shipped.Year(year);
        return new HolidayYear(year, days, entered.Count > 0, shipped.Covers(year), last, items);
    }

    /// <summary>
    /// Replaces the days of <paramref name="year"/> (null: back to the shipped file), audits it, and moves open deadlines
    /// under the new calendar; returns how many open items moved.
    /// </summary>
    public async Task<int> SaveYearAsync(int year, IReadOnlyList<HolidayEntry>? days, string summary, CancellationToken cancellationToken)
    {
        if (days is not null && days.Any(d => d.Date.Year != year)) throw new ArgumentException("Every day must lie in the year saved.", nameof(days));
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();
            var caller = scope.ServiceProvider.GetRequiredService<IAreaScope>();
            var now = clock.GetUtcNow().UtcDateTime;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await db.Days.Where(d => d.Year == year).ExecuteDeleteAsync(cancellationToken);
                if (days is not null) db.Days.AddRange(days.Select(d => new HolidayDay { Date = d.Date, Year = year, Kind = d.Kind, Name = d.Name }));
                db.Revisions.Add(new CalendarRevision
                {
                    At = now, UserName = caller.UserName ?? "system", Year = year, Days = days is null ? null : HolidayFile.ToJson(days), Summary = summary,
                });
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(AuditActions.HolidayCalendarChanged, "holiday-calendar",
                year.ToString(CultureInfo.InvariantCulture), caller.RegionPrefix ?? "", "days", summary, cancellationToken);
        }
        return await ApplyPendingAsync(cancellationToken);
    }

    /// <summary>
    /// Applies every revision not yet recomputed, oldest first, then puts the latest recomputed one in effect here.
    /// Returns how many open items this call moved. A handler that fails stops the pass; the next one retries.
    /// </summary>
    public async Task<int> ApplyPendingAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<CalendarDbContext>();
            var revisions = await db.Revisions.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var moved = 0;
            foreach (var revision in revisions.Where(r => r.RecomputedAt is null))
            {
                var before = calendar.With(State(revisions, revision.Id - 1));
                var after = calendar.With(State(revisions, revision.Id));
                var now = clock.GetUtcNow().UtcDateTime;
                if (FirstDifference(before, after, revision.Year) is { } first)
                {
                    var change = new WorkingCalendarChange(revision.Id, before, after, first, now);
                    foreach (var handler in handlers)
                    {
                        try
                        {
                            moved += await handler.ApplyAsync(change, cancellationToken);
                        }
                        catch (Exception e) when (e is not OperationCanceledException)
                        {
                            logger.LogError(e, "Holiday revision {Revision}: {Handler} could not move its deadlines; it is tried again", revision.Id, handler.Name);
                            await ReloadAsync(revisions);
                            return moved;
                        }
                    }
                }
                await db.Revisions.Where(r => r.Id == revision.Id && r.RecomputedAt == null)
                    .ExecuteUpdateAsync(r => r.SetProperty(x => x.RecomputedAt, now), cancellationToken);
                revision.RecomputedAt = now;
                logger.LogInformation("Holiday revision {Revision} for {Year} in effect; {Moved} open items moved here", revision.Id, revision.Year, moved);
            }
            await ReloadAsync(revisions);
            return moved;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task ReloadAsync(List<CalendarRevision> revisions)
    {
        // In effect: the revisions recomputed without a gap (they are applied in order).
        var effective = revisions.TakeWhile(r => r.RecomputedAt is not null).Select(r => r.Id).DefaultIfEmpty(0).Max();
        if (effective != calendar.Revision) calendar.Replace(State(revisions, effective), effective);
        return Task.CompletedTask;
    }

    /// <summary>The days as of <paramref name="upTo"/>: the shipped file, each year replaced by its latest revision up to it.</summary>
    private List<HolidayEntry> State(List<CalendarRevision> revisions, long upTo)
    {
        var years = shipped.All.GroupBy(e => e.Date.Year).ToDictionary(g => g.Key, g => (IReadOnlyList<HolidayEntry>)g.ToList());
        foreach (var revision in revisions.Where(r => r.Id <= upTo))
        {
            if (revision.Days is null)
            {
                years.Remove(revision.Year);
                if (shipped.Covers(revision.Year)) years[revision.Year] = shipped.Year(revision.Year);
            }
            else years[revision.Year] = HolidayFile.ParseJson(new MemoryStream(Encoding.UTF8.GetBytes(revision.Days))).Entries;
        }
        return years.Values.SelectMany(d => d).ToList();
    }

    private static DateOnly? FirstDifference(WorkingCalendar before, WorkingCalendar after, int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1))
            if (before.IsWorkingDay(day) != after.IsWorkingDay(day)) return day;
        return null;
    }
}

/// <summary>Puts the holidays in effect at start-up, finishing any revision whose recomputation was interrupted.</summary>
internal sealed class LoadHolidayCalendar(HolidayCalendar holidays) : IStartupTask
{
    // After every module's reference data (their start-up tasks are numbered below 100), before the demo city.
    public int Order => 90;

    public Task RunAsync(CancellationToken cancellationToken) => holidays.ApplyPendingAsync(cancellationToken);
}

/// <summary>Bound from the "Calendar" configuration section; checked at start-up.</summary>
internal sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>How often an instance looks for holiday changes made on another instance.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int RefreshSeconds { get; set; } = 10;
}

/// <summary>Sees another instance's holiday change within Calendar:RefreshSeconds.</summary>
internal sealed class CalendarRefreshJob(HolidayCalendar holidays, Microsoft.Extensions.Options.IOptions<CalendarOptions> options, TimeProvider clock,
    ILogger<CalendarRefreshJob> logger) : PollingJob(clock, logger)
{
    protected override bool Enabled => true;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.RefreshSeconds);
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => holidays.ApplyPendingAsync(cancellationToken);
}

internal static class CalendarServices
{
    /// <summary>The working-day calendar every deadline uses: the shipped holiday file, overridden per year by the database.</summary>
    public static IHostApplicationBuilder AddHolidayCalendar(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var path = Path.Combine(ReferenceData.Folder(configuration), configuration["ReferenceData:Holidays"] ?? ReferenceData.HolidaysFile);
            using var stream = File.OpenRead(path);
            return new ShippedHolidays(HolidayFile.ParseJson(stream).Entries);
        });
        services.AddSingleton(sp => new WorkingCalendar(sp.GetRequiredService<ShippedHolidays>().All));
        builder.AddModuleDbContext<CalendarDbContext, Data.SqliteCalendarDbContext, Data.PostgresCalendarDbContext>(CalendarDbContext.Module);
        services.AddSingleton<CalendarRecomputations>();
        services.AddSingleton<HolidayCalendar>();
        services.AddScoped<IStartupTask, LoadHolidayCalendar>();
        services.AddOptions<CalendarOptions>().Bind(builder.Configuration.GetSection(CalendarOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<CalendarRefreshJob>();
        return builder;
    }
}
