using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Features.Orders;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Features.Hours;

internal sealed record CompletedOrder(OrderDetails Order, IReadOnlyList<HoursEntryItem> Hours);

internal static class HoursEndpoints
{
    /// <summary>The order's completion, under /api/volunteer-orders.</summary>
    public static void MapCompletion(RouteGroupBuilder orders) =>
        orders.MapPost("/{id:long}/complete", async Task<Ok<CompletedOrder>> (long id, CompleteOrderRequest request, HoursLedger ledger, OrderDesk desk, CancellationToken ct) =>
            {
                var (order, entries) = await ledger.CompleteAsync(id, request, ct);
                return TypedResults.Ok(new CompletedOrder(OrderDetails.Of(order, await desk.ClaimsAsync(id, ct)), entries.Select(HoursEntryItem.Of).ToList()));
            })
            .RequireAuthorization(VolunteeringPermissions.Manage)
            .WithName("CompleteVolunteerOrder")
            .WithSummary("The order is done: each volunteer who came with sign-in and sign-out times; the hours go into the ledger, capped per day.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>The ledger, under /api/volunteer-hours.</summary>
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", async Task<Ok<Paged<HoursEntryItem>>> (long? volunteerId, string? community, int? page, int? pageSize, VolunteeringDbContext db, CancellationToken ct) =>
            {
                var query = db.Hours.AsNoTracking();
                if (volunteerId is { } v) query = query.Where(h => h.VolunteerId == v);
                if (!string.IsNullOrWhiteSpace(community)) query = query.Where(h => h.CommunityCode.StartsWith(community));
                var paged = await query.OrderByDescending(h => h.Id).ToCappedPageAsync(page, pageSize, ct);
                return TypedResults.Ok(new Paged<HoursEntryItem>(paged.Items.Select(HoursEntryItem.Of).ToList(), paged.Page, paged.PageSize, paged.Total)
                    { TotalIsCapped = paged.TotalIsCapped });
            })
            .RequireAuthorization(VolunteeringPermissions.Read)
            .WithName("ListVolunteerHours")
            .WithSummary("Rows of the hours ledger of the caller's area (of one volunteer, under a community-code prefix), newest first; corrections are rows of their own.");
        api.MapPost("/{id:long}/reverse", async Task<Created<HoursEntryItem>> (long id, ReverseEntryRequest request, HoursLedger ledger, CancellationToken ct) =>
            {
                var reversal = await ledger.ReverseAsync(id, request.Reason!, ct);
                return TypedResults.Created($"/api/volunteer-hours?volunteerId={reversal.VolunteerId}", HoursEntryItem.Of(reversal));
            })
            .RequireAuthorization(VolunteeringPermissions.Manage)
            .WithName("ReverseVolunteerHours")
            .WithSummary("Corrects a ledger row by a new row with the opposite minutes and a reason (once per row); the row itself is never changed.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
