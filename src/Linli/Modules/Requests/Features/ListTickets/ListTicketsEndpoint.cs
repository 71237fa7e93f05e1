using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.ListTickets;

internal static class ListTicketsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<TicketView>>> (TicketState? state, string? unit, string? region, int? categoryId, string? number,
                bool? overdue, bool? supervised, int? page, int? pageSize, RequestsDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var query = db.Tickets.AsNoTracking();
                if (state is not null) query = query.Where(t => t.State == state);
                if (!string.IsNullOrWhiteSpace(unit)) query = query.Where(t => t.AssignedUnitCode == unit);
                if (!string.IsNullOrWhiteSpace(region)) query = query.Where(t => t.CommunityCode.StartsWith(region));
                if (categoryId is not null) query = query.Where(t => t.CategoryId == categoryId);
                if (!string.IsNullOrWhiteSpace(number)) query = query.Where(t => t.Number == number);
                if (overdue is not null) query = query.Where(t => t.IsOverdue == overdue);
                if (supervised is not null) query = query.Where(t => t.UnderSupervision == supervised);
                var paged = await query.Include(t => t.Units).OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                    .AsSplitQuery().ToPagedAsync(page, pageSize, ct);
                var audience = TicketViewRule.AudienceOf(http.User);
                return TypedResults.Ok(new Paged<TicketView>(paged.Items.Select(t => TicketView.Of(t, audience)).ToList(), paged.Page, paged.PageSize, paged.Total));
            })
            .WithName("ListTickets")
            .WithSummary("Tickets in the caller's scope, newest first, by state, assigned unit, region prefix, category, number, overdue or supervised; paginated.");
}
