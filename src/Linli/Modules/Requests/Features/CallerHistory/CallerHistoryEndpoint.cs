using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Paging;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.CallerHistory;

/// <summary>The caller's phone travels in the body, never in a URL; it is matched by keyed hash, never decrypted.</summary>
internal sealed record CallerHistoryRequest(
    [property: Required, MaxLength(RequestLimits.Phone), PhoneNumber(ErrorMessage = "不是有效的电话号码。")] string Phone, int? Page = null, int? PageSize = null);

/// <summary>
/// The hotline console's lookup of a caller's earlier tickets. A lookup by number confirms the number, so each one counts
/// against the operator's hourly budget (429 when spent) and is written to the audit log (how many tickets matched, never the number).
/// </summary>
internal sealed class CallerHistoryLookup(RequestsDbContext db, IPersonalDataProtector protector, NumberSearchLimiter limiter, IAuditLog audit, IAreaScope scope)
{
    public async Task<Paged<TicketView>> FindAsync(CallerHistoryRequest request, CancellationToken ct)
    {
        if (!PhoneNumber.TryParse(request.Phone, out var phone))
            throw Platform.Errors.ValidationFailedException.For(nameof(request.Phone), "不是有效的电话号码。");
        limiter.Acquire(NumberSearchKind.CallerLookup, scope.UserId);
        var hash = protector.Hash(phone);
        var paged = await db.Tickets.AsNoTracking().Where(t => t.PhoneHash == hash).Include(t => t.Units)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).AsSplitQuery()
            .ToPagedAsync(request.Page, request.PageSize, ct);
        await audit.RecordAsync(AuditActions.SearchByNumber, "ticket", paged.Total == 1 ? paged.Items[0].Id.ToString(CultureInfo.InvariantCulture) : "",
            paged.Total == 1 ? paged.Items[0].CommunityCode : scope.RegionPrefix ?? "", "phone",
            string.Format(CultureInfo.InvariantCulture, "来电记录：匹配 {0} 件", paged.Total), ct);
        return new Paged<TicketView>(paged.Items.Select(t => TicketView.Of(t, TicketAudience.Staff)).ToList(), paged.Page, paged.PageSize, paged.Total);
    }
}

internal static class CallerHistoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/caller-history", async Task<Ok<Paged<TicketView>>> (CallerHistoryRequest request, CallerHistoryLookup lookup, CancellationToken ct) =>
                TypedResults.Ok(await lookup.FindAsync(request, ct)))
            .WithName("CallerHistory")
            .WithSummary("The hotline console's lookup: a caller's earlier tickets by phone number (sent in the body), newest first; paginated. " +
                         "Limited per operator and hour (429 with Retry-After) and written to the audit log.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
