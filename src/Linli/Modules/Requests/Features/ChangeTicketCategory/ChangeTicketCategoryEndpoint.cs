using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Modules.Requests.Features.Whistle;

namespace Linli.Modules.Requests.Features.ChangeTicketCategory;

internal sealed record ChangeTicketCategoryRequest([property: Range(1, int.MaxValue)] int CategoryId,
    [property: Required, MaxLength(RequestLimits.Opinion)] string Reason, int? Version = null);

internal static class ChangeTicketCategoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/category", (long id, ChangeTicketCategoryRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.ChangeCategoryAsync(t, a, request.CategoryId, WhistleEndpoints.Text(request.Reason, "Reason"), ct), ct))
            .WithName("ChangeTicketCategory")
            .WithSummary("Moves an open ticket to another third-level category, with a reason, logged old → new (the centre, or the lead unit). " +
                         "Before dispatch (new or returned) the ticket takes the new category's routing rule for its dispatch; after dispatch the lead unit and its deadlines stay. " +
                         "403 for anyone else, 409 for a ticket replied, closed or merged.");
}
