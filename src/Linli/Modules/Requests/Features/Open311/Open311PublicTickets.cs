using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// The tickets the public Open311 reads may show (requests and their updates), and the queries of those reads, each
/// answered by an index at any size: filed through Open311 by a submitter who gave some contact. What a resident told the
/// hotline, a web form or a patrol worker is not public, nor is an anonymous request; those answer exactly like unknown
/// ids. The scope filter (staff, residents) does not apply to a public reader, so it is replaced by this one.
/// </summary>
internal static class Open311PublicTickets
{
    public static IQueryable<Ticket> Of(RequestsDbContext db) =>
        db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.Channel == Channel.Open311 && !t.IsAnonymous);

    private static bool IsPublic(Ticket t) => t.Channel == Channel.Open311 && !t.IsAnonymous;

    /// <summary>
    /// The tickets with these numbers, whatever their channel: one lookup per number in the unique index. (With the public
    /// condition in the SQL, SQLite prefers the channel index and reads every Open311 ticket; it is applied after.)
    /// </summary>
    public static IQueryable<Ticket> Numbered(RequestsDbContext db, IReadOnlyCollection<string> numbers) =>
        db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => numbers.Contains(t.Number));

    /// <summary>Those of the numbers that are public, newest first; at most as many rows are read as numbers are asked for.</summary>
    public static async Task<List<Ticket>> PublicNumberedAsync(RequestsDbContext db, IReadOnlyCollection<string> numbers, CancellationToken ct) =>
        (await Numbered(db, numbers).ToListAsync(ct)).Where(IsPublic).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToList();

    /// <summary>A page of those filed in the window (of the services given, of the state given), newest first, by the (channel, created_at) index.</summary>
    public static IQueryable<Ticket> Filed(RequestsDbContext db, Open311DateRange range, IReadOnlyCollection<int>? categories, bool? open, int page, int size)
    {
        var query = Of(db).Where(t => t.CreatedAt >= range.From && t.CreatedAt < range.Until);
        if (categories is not null) query = query.Where(t => categories.Contains(t.CategoryId));
        if (open == true) query = query.Where(t => t.State != TicketState.Closed && t.State != TicketState.Merged);
        if (open == false) query = query.Where(t => t.State == TicketState.Closed || t.State == TicketState.Merged);
        return query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip((page - 1) * size).Take(size);
    }

    /// <summary>
    /// A page of the status changes and replies in the window, oldest first. A ticket's update time is its last step's, so
    /// only tickets updated since the window opened can hold one: the (channel, updated_at) index finds them, and their
    /// steps come by the (ticket_id, at) index.
    /// </summary>
    public static IQueryable<Open311UpdateRow> Updates(RequestsDbContext db, Open311DateRange range, int page, int size) =>
        (from a in db.TicketActions.AsNoTracking()
         join t in Of(db) on a.TicketId equals t.Id
         where t.UpdatedAt >= range.From && a.At >= range.From && a.At < range.Until
               && (a.FromState != a.ToState || a.Action == TicketActionKind.Reply)
         orderby a.At, a.Id
         select new Open311UpdateRow(a.Id, t.Number, a.Action, a.ToState, a.At, a.Opinion))
        .Skip((page - 1) * size).Take(size);
}
