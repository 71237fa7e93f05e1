using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.ListTickets;

internal static class ListTicketsEndpoint
{
    /// <summary>Newest first; the index on (created_at, id) — with the state or the community in front for those filters — serves any depth by cursor.</summary>
    private static readonly Keyset<Ticket> Newest = Keyset<Ticket>.Descending(t => t.CreatedAt).Then(t => t.Id);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<TicketView>>> (TicketState? state, string? unit, string? region, int? categoryId, string? number,
                bool? overdue, bool? supervised, int? page, int? pageSize, string? after, string? before,
                RequestsDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var query = Filter(db.Tickets.AsNoTracking(), state, unit, region, categoryId, number, overdue, supervised);
                var paged = await Newest.PageAsync(query.Include(t => t.Units).AsSplitQuery(), t => t, t => [t.CreatedAt, t.Id],
                    new PageRequest(page, pageSize, after, before), ct);
                var audience = TicketViewRule.AudienceOf(http.User);
                return TypedResults.Ok(new Paged<TicketView>(paged.Items.Select(t => TicketView.Of(t, audience)).ToList(), paged.Page, paged.PageSize, paged.Total)
                    { TotalIsCapped = paged.TotalIsCapped, Next = paged.Next, Previous = paged.Previous });
            })
            .WithName("ListTickets")
            .WithSummary("Tickets in the caller's scope, newest first, by state, assigned unit, region prefix, category, number, overdue or supervised; paginated by page number (first 10,000) or by the `next`/`previous` cursor (`after`/`before`); the total counts up to 10,000 (`totalIsCapped`).");

    /// <summary>The list's filters on the tickets the caller's scope already holds.</summary>
    internal static IQueryable<Ticket> Filter(IQueryable<Ticket> query, TicketState? state, string? unit, string? region, int? categoryId, string? number,
        bool? overdue, bool? supervised)
    {
        // A literal, not a parameter: the states differ by three orders of magnitude in size (a few hundred returned
        // against a million closed), and a prepared statement's generic plan, costed for the average state, scans
        // the whole table to count a rare one.
        if (state is { } wanted) query = query.Where(t => t.State == EF.Constant(wanted));
        if (!string.IsNullOrWhiteSpace(unit)) query = query.Where(t => t.AssignedUnitCode == unit);
        if (!string.IsNullOrWhiteSpace(region)) query = query.Where(t => t.CommunityCode.StartsWith(region));
        if (categoryId is not null) query = query.Where(t => t.CategoryId == categoryId);
        if (!string.IsNullOrWhiteSpace(number)) query = query.Where(t => t.Number == number);
        // As literals, so that the planner matches the partial indexes (WHERE is_overdue / under_supervision) on every plan.
        if (overdue is not null) query = overdue.Value ? query.Where(t => t.IsOverdue) : query.Where(t => !t.IsOverdue);
        if (supervised is not null) query = supervised.Value ? query.Where(t => t.UnderSupervision) : query.Where(t => !t.UnderSupervision);
        return query;
    }
}
