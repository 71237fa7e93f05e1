using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Persistence;

/// <summary>"Something counted on this day changed": written in the same SaveChanges as the change, consumed by the roll-up.</summary>
internal interface IRollupMark
{
    long Id { get; }
    DateOnly Day { get; }
}

/// <summary>A day whose roll-up rows were computed, and when: a day without this row is counted from the source rows.</summary>
internal interface IRollupDay
{
    DateOnly Day { get; set; }
    DateTime ComputedAt { get; set; }
}

/// <summary>
/// How a reader adds up a period from a daily roll-up: the whole months whose every day is rolled up and unchanged from
/// their month rows, the other rolled-up days from their day rows, and the <see cref="Live"/> days (changed since, or never,
/// rolled up; today and later) from the source rows, so that the sum equals a recount.
/// </summary>
internal sealed record RollupPlan(IReadOnlyList<DateOnly> Months, IReadOnlyList<DateOnly> Days, IReadOnlySet<DateOnly> Live, DateOnly LastRolled)
{
    /// <summary>The day rows to read, as ranges of the primary key (dimension, day, …).</summary>
    public IEnumerable<(DateOnly First, DateOnly Last)> DayRuns => DailyRollup.Runs(Days);

    /// <summary>The days to count from the source rows, one query per run of consecutive days.</summary>
    public IEnumerable<(DateOnly First, DateOnly Last)> LiveRuns => DailyRollup.Runs(Live);
}

/// <summary>
/// The machinery of a module's daily statistics roll-up (Requests' ticket metrics, the service desk's case statistics):
/// every save of a counted row marks its day changed (<see cref="IRollupMark"/>, same transaction); a job recomputes each
/// changed or never-computed day before today (<see cref="CatchUpAsync{TMark, TDay, TRows}"/>), month by month, with the
/// month's rows as the sums of its days; readers plan a period (<see cref="PlanAsync{TMark, TDay}"/>) so that the roll-up
/// only ever makes it cheaper, never different. The module says what is counted and how rows are written.
/// </summary>
internal static class DailyRollup
{
    /// <summary>
    /// A day is rolled up once this long after it ended: a change of its rows that began before midnight (and so wrote no
    /// mark, the day being "today" then) has committed by then. Until it is rolled up, readers count the day live.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>The day an instant counts on: its date in China time.</summary>
    public static DateOnly DayOf(DateTime utc) => WorkingCalendar.ChinaDay(utc);

    /// <summary>Consecutive days as (first, last) runs, so that scattered days cost one query per run.</summary>
    public static IEnumerable<(DateOnly First, DateOnly Last)> Runs(IEnumerable<DateOnly> days)
    {
        DateOnly? first = null, last = null;
        foreach (var d in days.Distinct().Order())
        {
            if (last is { } l && d == l.AddDays(1)) { last = d; continue; }
            if (first is not null) yield return (first.Value, last!.Value);
            first = last = d;
        }
        if (first is not null) yield return (first.Value, last!.Value);
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> before today whose roll-up is out of date: changed since computed, or never computed.</summary>
    public static async Task<List<DateOnly>> StaleDaysAsync<TMark, TDay>(IQueryable<TMark> marks, IQueryable<TDay> computed, DateOnly from, DateOnly to, DateOnly today,
        CancellationToken ct) where TMark : class, IRollupMark where TDay : class, IRollupDay
    {
        var last = to < today ? to : today.AddDays(-1);
        if (last < from) return [];
        var changed = await marks.Where(c => c.Day >= from && c.Day <= last).Select(c => c.Day).Distinct().ToListAsync(ct);
        var done = (await computed.Where(d => d.Day >= from && d.Day <= last).Select(d => d.Day).ToListAsync(ct)).ToHashSet();
        var stale = changed.ToHashSet();
        for (var d = from; d <= last; d = d.AddDays(1))
            if (!done.Contains(d)) stale.Add(d);
        return stale.Order().ToList();
    }

    /// <summary>The reader's plan of a period (China days <paramref name="start"/> to <paramref name="end"/>, today being <paramref name="today"/>).</summary>
    public static async Task<RollupPlan> PlanAsync<TMark, TDay>(IQueryable<TMark> marks, IQueryable<TDay> computed, DateOnly start, DateOnly end, DateOnly today,
        CancellationToken ct) where TMark : class, IRollupMark where TDay : class, IRollupDay =>
        Plan(start, end, today, await StaleDaysAsync(marks, computed, start, end, today, ct));

    /// <summary>The plan from the stale days: what is rolled up (months, days) and what is counted live (stale days, today and later).</summary>
    public static RollupPlan Plan(DateOnly start, DateOnly end, DateOnly today, IEnumerable<DateOnly> stale)
    {
        var live = stale.Where(d => d >= start && d <= end).ToHashSet();
        for (var d = today < start ? start : today; d <= end; d = d.AddDays(1)) live.Add(d);
        var lastRolled = end < today ? end : today.AddDays(-1);
        var months = new List<DateOnly>();
        var days = new List<DateOnly>();
        if (lastRolled >= start)
        {
            for (var m = new DateOnly(start.Year, start.Month, 1); m <= lastRolled; m = m.AddMonths(1))
                if (m >= start && m.AddMonths(1).AddDays(-1) <= lastRolled && !live.Any(d => d >= m && d < m.AddMonths(1))) months.Add(m);
            var skip = live.ToHashSet();
            foreach (var m in months) for (var d = m; d < m.AddMonths(1); d = d.AddDays(1)) skip.Add(d);
            for (var d = start; d <= lastRolled; d = d.AddDays(1)) if (!skip.Contains(d)) days.Add(d);
        }
        return new RollupPlan(months, days, live, lastRolled);
    }

    /// <summary>
    /// Recomputes every changed or missing day from the first source row's (<paramref name="firstUtc"/>; none: nothing) to
    /// the last settled day before today, one month per transaction; returns how many days it computed. Days without rows
    /// are computed too (as "nothing"), so that they are not looked at again.
    /// </summary>
    /// <param name="lockClass">The module's first key of the PostgreSQL advisory lock (the month is the second): two instances computing the same month wait for each other.</param>
    /// <param name="count">Counts the given days of one month from the source rows (before the writes, outside SQLite's write lock).</param>
    /// <param name="replace">In the transaction: replaces those days' rows and the month's rows (the sums of its days) by the counted ones, and saves.</param>
    public static async Task<int> CatchUpAsync<TMark, TDay, TRows>(DbContext db, DbSet<TMark> marks, DbSet<TDay> computed, int lockClass, DateTime? firstUtc, DateTime nowUtc,
        Func<IReadOnlyList<DateOnly>, CancellationToken, Task<TRows>> count, Func<DateOnly, IReadOnlyList<DateOnly>, TRows, CancellationToken, Task> replace, CancellationToken ct)
        where TMark : class, IRollupMark where TDay : class, IRollupDay, new()
    {
        if (firstUtc is null) return 0;
        var days = await StaleDaysAsync(marks, computed, DayOf(firstUtc.Value), DayOf(nowUtc - Settle).AddDays(-1), DayOf(nowUtc), ct);
        foreach (var month in days.GroupBy(d => new DateOnly(d.Year, d.Month, 1)))
            await RecomputeMonthAsync(db, marks, computed, lockClass, month.Key, month.ToList(), nowUtc, count, replace, ct);
        return days.Count;
    }

    /// <summary>
    /// Replaces the rows of some days of one month by a recount, and the month's rows, in one transaction: a reader sees a
    /// month's rows and its days' rows agree, or the days still marked. The marks consumed are the ones read before the
    /// recount (by id): a change committed later keeps its mark.
    /// </summary>
    private static async Task RecomputeMonthAsync<TMark, TDay, TRows>(DbContext db, DbSet<TMark> marks, DbSet<TDay> computed, int lockClass, DateOnly month,
        List<DateOnly> days, DateTime nowUtc, Func<IReadOnlyList<DateOnly>, CancellationToken, Task<TRows>> count,
        Func<DateOnly, IReadOnlyList<DateOnly>, TRows, CancellationToken, Task> replace, CancellationToken ct)
        where TMark : class, IRollupMark where TDay : class, IRollupDay, new()
    {
        var postgres = db.Database.IsNpgsql();
        // PostgreSQL: one transaction from the start, and two instances computing the same month wait for each other.
        // SQLite (one writer for the whole file): count first, then hold the write lock only for the writes.
        var transaction = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
        if (postgres) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockClass}, {month.DayNumber})", ct);
        var consumed = await marks.Where(c => days.Contains(c.Day)).Select(c => c.Id).ToListAsync(ct);
        var rows = await count(days, ct);

        transaction ??= await db.Database.BeginTransactionAsync(ct);
        await using (transaction)
        {
            await replace(month, days, rows, ct);
            var done = await computed.Where(d => days.Contains(d.Day)).ToListAsync(ct);
            foreach (var day in days)
            {
                if (done.FirstOrDefault(d => d.Day == day) is { } mark) mark.ComputedAt = nowUtc;
                else computed.Add(new TDay { Day = day, ComputedAt = nowUtc });
            }
            await db.SaveChangesAsync(ct);
            if (consumed.Count > 0) await marks.Where(c => consumed.Contains(c.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
    }
}
