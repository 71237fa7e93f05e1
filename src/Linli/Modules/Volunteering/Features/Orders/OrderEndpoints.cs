using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Features.Orders;

internal static class OrderEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/", async Task<Created<OrderDetails>> (PostOrderRequest request, OrderDesk desk, CancellationToken ct) =>
            {
                var order = await desk.PostAsync(request, ct);
                return TypedResults.Created($"/api/volunteer-orders/{order.Id}", OrderDetails.Of(order, []));
            })
            .RequireAuthorization(VolunteeringPermissions.Post)
            .WithName("PostVolunteerOrder")
            .WithSummary("点单: a resident, or a worker for a resident of the area, posts a need for volunteers in a community (skill, title, time, places).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", async Task<Ok<Paged<OrderItem>>> (string? community, OrderState? state, int? page, int? pageSize, VolunteeringDbContext db, CancellationToken ct) =>
            {
                var query = db.Orders.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(community)) query = query.Where(o => o.CommunityCode.StartsWith(community));
                if (state is { } s) query = query.Where(o => o.State == s);
                return TypedResults.Ok(await query.OrderByDescending(o => o.StartsAt).ThenByDescending(o => o.Id)
                    .Select(o => new OrderItem(o.Id, o.CommunityCode, o.Skill, o.Title, o.StartsAt, o.EndsAt, o.Capacity, o.Claimed, o.State))
                    .ToCappedPageAsync(page, pageSize, ct));
            })
            .RequireAuthorization(VolunteeringPermissions.Read)
            .WithName("ListVolunteerOrders")
            .WithSummary("Orders of the caller's area, under a community-code prefix, in one state; newest service time first, paginated.");
        api.MapGet("/{id:long}", async Task<Ok<OrderDetails>> (long id, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(OrderDetails.Of(await desk.FindAsync(id, ct), await desk.ClaimsAsync(id, ct))))
            .RequireAuthorization(VolunteeringPermissions.Read)
            .WithName("GetVolunteerOrder")
            .WithSummary("One order of the caller's area with its places, the moves its state allows and who claimed it.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id:long}/dispatch", async Task<Ok<OrderDetails>> (long id, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(OrderDetails.Of(await desk.DispatchAsync(id, ct), [])))
            .RequireAuthorization(VolunteeringPermissions.Manage)
            .WithName("DispatchVolunteerOrder")
            .WithSummary("派单: the community opens a posted order for claiming.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:long}/claim", async Task<Ok<OrderDetails>> (long id, ClaimOrderRequest request, OrderDesk desk, CancellationToken ct) =>
            {
                var order = await desk.ClaimAsync(id, request, ct);
                return TypedResults.Ok(OrderDetails.Of(order, []));
            })
            .RequireAuthorization(VolunteeringPermissions.Claim)
            .WithName("ClaimVolunteerOrder")
            .WithSummary("接单: a volunteer takes one place (a worker may claim for a volunteer of the area); atomic, so the places are never exceeded (409 when full).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>Cancelling, mapped after the completion so the document lists the moves in the order of an order's life.</summary>
    public static void MapCancel(RouteGroupBuilder api) =>
        api.MapPost("/{id:long}/cancel", async Task<Ok<OrderDetails>> (long id, CancelOrderRequest request, OrderDesk desk, CancellationToken ct) =>
                TypedResults.Ok(OrderDetails.Of(await desk.CancelAsync(id, request.Reason!, ct), [])))
            .RequireAuthorization(VolunteeringPermissions.Manage)
            .WithName("CancelVolunteerOrder")
            .WithSummary("Cancels an order not yet done, with a reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
}
