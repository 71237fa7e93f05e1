using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Platform.Paging;
using Linli.Platform.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.CallerHistory;

/// <summary>The caller's phone travels in the body, never in a URL; it is matched by keyed hash, never decrypted.</summary>
internal sealed record CallerHistoryRequest([property: Required, MaxLength(RequestLimits.Phone)] string Phone, int? Page = null, int? PageSize = null);

internal static class CallerHistoryEndpoint
{
    /// <summary>The lookup itself, shared by the API and the hotline console page.</summary>
    public static async Task<Paged<TicketView>> FindAsync(CallerHistoryRequest request, IPersonalDataProtector protector, RequestsDbContext db, CancellationToken ct)
    {
        var hash = protector.LookupHash(Phones.Normalize(request.Phone) ?? "");
        var paged = await db.Tickets.AsNoTracking().Where(t => t.PhoneHash == hash).Include(t => t.Units)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).AsSplitQuery()
            .ToPagedAsync(request.Page, request.PageSize, ct);
        return new Paged<TicketView>(paged.Items.Select(t => TicketView.Of(t, TicketAudience.Staff)).ToList(), paged.Page, paged.PageSize, paged.Total);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/caller-history", async Task<Ok<Paged<TicketView>>> (CallerHistoryRequest request, IPersonalDataProtector protector, RequestsDbContext db,
                CancellationToken ct) => TypedResults.Ok(await FindAsync(request, protector, db, ct)))
            .WithName("CallerHistory")
            .WithSummary("The hotline console's lookup: a caller's earlier tickets by phone number (sent in the body), newest first; paginated.");
}
