using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.SearchResidents;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.GetHousehold;

/// <summary>Households and their members, within the caller's area.</summary>
internal sealed class HouseholdQuery(ResidentsDbContext db, ResidentSearch residents, IAuditLog audit)
{
    public async Task<HouseholdDetails?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            // Only on this not-found path: a household outside the caller's area is a refused attempt, for the audit log.
#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
            await audit.RecordIfOutOfScopeAsync(AuditSubjects.Household, db.Households.IgnoreQueryFilters().AsNoTracking().Where(h => h.Id == id)
                .Select(h => new AuditSubjectRef(h.Id.ToString(), h.CommunityCode, "")), cancellationToken);
#pragma warning restore CA1305
            return null;
        }
        return new HouseholdDetails(Views.Summary(household), await residents.MembersAsync(id, cancellationToken));
    }

    public async Task<HouseholdDetails> GetAsync(long id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("户 {0} 不存在。", id);

    private static readonly Keyset<Household> ById = Keyset<Household>.Ascending(h => h.Id);

    /// <summary>In id order, by keyset; the exact total from the unit counts.</summary>
    public Task<Paged<HouseholdSummary>> ListAsync(string? communityCode, PageRequest request, CancellationToken cancellationToken)
    {
        var query = db.Households.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(communityCode))
        {
            var prefix = communityCode.Trim();
            query = prefix.Length > 12 ? query.Where(h => h.GridCode!.StartsWith(prefix)) : query.Where(h => h.CommunityCode.StartsWith(prefix));
        }
        return ById.PageAsync(query,
            h => new HouseholdSummary(h.Id, h.CommunityCode, h.GridCode, h.Address, h.Building, h.Unit, h.Room, h.Longitude, h.Latitude, h.IsSynthetic),
            h => [h.Id], request, cancellationToken, async ct => (await residents.UnitTotalAsync(communityCode, households: true, ct), false));
    }
}

internal sealed record ListHouseholdsRequest(
    [property: RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] string? CommunityCode, int? Page, int? PageSize,
    [property: MaxLength(200)] string? After = null, [property: MaxLength(200)] string? Before = null);

internal static class GetHouseholdEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/households", async Task<Ok<Paged<HouseholdSummary>>> ([AsParameters] ListHouseholdsRequest request, HouseholdQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ListAsync(request.CommunityCode, new PageRequest(request.Page, request.PageSize, request.After, request.Before), ct)))
            .WithName("ListHouseholds")
            .WithSummary("Households under a region-code prefix, within the caller's area, in id order; paginated by page number (first 10,000) or by the `next`/`previous` cursor (`after`/`before`).");

        api.MapGet("/households/{id:long}", async Task<Ok<HouseholdDetails>> (long id, HouseholdQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.GetAsync(id, ct)))
            .WithName("GetHousehold")
            .WithSummary("One household with its members (numbers masked).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
