using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsQueue;

/// <summary>A queue entry as the window sees it: the number to call and what receiving the case needs.</summary>
internal sealed record QueueEntryView(long Id, DateOnly Day, int Number, QueueEntryKind Kind, QueueEntryState State, long? BookingId, long? ItemId,
    string? ItemName, long? ResidentId, string? ResidentUserId, DateTime ArrivedAt, DateTime? BookedFor, DateTime? CalledAt, long? CaseId, string? CaseNumber = null)
{
    /// <summary>The number as the window calls it.</summary>
    public string Ticket => WindowQueue.Ticket(Number);
}

/// <summary>
/// A community's window queue for a day: bookings checked in and walk-ins in one sequence of numbers, so in arrival order.
/// The next number is the day's highest plus one, and the unique index on (community, day, number) decides when two
/// arrive at once: the loser takes the next number.
/// </summary>
internal static class WindowQueue
{
    private const int Attempts = 20;

    /// <summary>How a number is shown and called: 3 → "003".</summary>
    public static string Ticket(int number) => number.ToString("000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds <paramref name="entry"/> with the day's next number, in a transaction that first runs <paramref name="within"/>
    /// (a check-in's conditional update of its booking); when another arrival took the number, all of it is tried again.
    /// <paramref name="before"/> runs ahead of each attempt's transaction: work that writes through other connections (receiving
    /// a case audits its search by ID number), which on SQLite would wait for this transaction's write lock.
    /// </summary>
    public static async Task<QueueEntry> EnqueueAsync(ServiceDeskDbContext db, QueueEntry entry, Func<CancellationToken, Task>? within, CancellationToken ct,
        Func<CancellationToken, Task>? before = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (before is not null) await before(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                if (within is not null) await within(ct);
                var last = await db.QueueEntries.Where(q => q.CommunityCode == entry.CommunityCode && q.Day == entry.Day).MaxAsync(q => (int?)q.Number, ct) ?? 0;
                entry.Number = last + 1;
                db.QueueEntries.Add(entry);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return entry;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear();
                entry.Id = 0;
            }
        }
    }

#pragma warning disable IDE0031 // ?. cannot be used in a query expression tree
    public static IQueryable<QueueEntryView> Views(ServiceDeskDbContext db, IQueryable<QueueEntry> entries) =>
        from q in entries
        join b in db.Bookings on q.BookingId equals b.Id into booked
        from b in booked.DefaultIfEmpty()
        join i in db.ServiceItems on q.ItemId equals i.Id into items
        from i in items.DefaultIfEmpty()
        join v in db.ServiceItemVersions on i.PublishedVersionId equals v.Id into versions
        from v in versions.DefaultIfEmpty()
        join c in db.ServiceCases on q.CaseId equals c.Id into cases
        from c in cases.DefaultIfEmpty()
        select new QueueEntryView(q.Id, q.Day, q.Number, q.Kind, q.State, q.BookingId, q.ItemId, v != null ? v.Name : null, q.ResidentId, q.ResidentUserId,
            q.ArrivedAt, b != null ? b.StartsAt : null, q.CalledAt, q.CaseId, c != null ? c.Number : null);
#pragma warning restore IDE0031
}
