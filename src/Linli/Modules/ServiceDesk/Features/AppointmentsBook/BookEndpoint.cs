using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsBook;

internal sealed record BookRequest([property: Range(1, long.MaxValue)] long SlotId, [property: Range(1, long.MaxValue)] long ItemId);

internal static class BookEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Results<Created<BookingView>, IdempotentAnswer>> (BookRequest request, HttpContext http, IAreaScope scope,
                AppointmentBooker booker, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var userId = scope.UserId ?? throw new ForbiddenException("请先登录。");
                var options = json.Value.SerializerOptions;
                var key = IdempotencyKey.FromHeader(http.Request) is { } given
                    ? new IdempotencyKey("user:" + userId, given, AppointmentBooker.Fingerprint(request, options))
                    : null;
                var outcome = await booker.BookAsync(userId, request.SlotId, request.ItemId, key,
                    view => new IdempotentAnswer(StatusCodes.Status201Created, "application/json; charset=utf-8", JsonSerializer.Serialize(view, options), LocationOf(view)), ct);
                if (outcome.Earlier is { } earlier) return earlier;
                return TypedResults.Created(LocationOf(outcome.Booking!), outcome.Booking);
            })
            .RequireAuthorization(ServiceDeskPermissions.Apply)
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Intake)
            .WithName("BookAppointment")
            .WithSummary("A signed-in resident books a place in a window slot for one item; answers the booking with the item's materials.")
            .WithDescription("Refused with a 409 ProblemDetails whose reason is full (no place left), same-item (an active booking for the item) or too-many " +
                             "(the cap of active bookings); a past, closed or holiday slot, or one that does not serve the item, is a 400 naming slotId. " +
                             "With an Idempotency-Key header a repeat answers the first answer and books nothing.");

    private static string LocationOf(BookingView view) => $"/api/appointments/{view.Id}";
}
