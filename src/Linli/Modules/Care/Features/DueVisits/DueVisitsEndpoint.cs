using Linli.Modules.Care.Data;
using Linli.Modules.Care.Domain;
using Linli.Modules.Care.Features.Roster;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Features.DueVisits;

/// <summary>
/// One due visit. <see cref="Name"/> and <see cref="Address"/> are there only for callers the resident pool lets read the
/// resident (their community, a grid worker's grid); others see the entry without them.
/// </summary>
internal sealed record DueVisitItem(long ResidentId, string? Name, string? Address, string CommunityCode, string? GridCode, RiskTier Tier, IReadOnlyList<string> Tags,
    DateTime DueAt, DateTime WindowStartAt, DateTime WindowEndAt, DueReason Reason, string? Note, VisitMethod PlannedMethod, DateTime? LastVisitAt,
    bool IsOverdue, Escalation Escalation);

/// <summary>The filter of the due list: an area under the caller's, a tier, overdue (or not), escalated to the street, due by a time.</summary>
internal sealed record DueVisitFilter(string? Region = null, RiskTier? Tier = null, bool? Overdue = null, Escalation? Escalation = null, DateTime? DueBefore = null, string? Grid = null);

internal sealed class DueVisitsQuery(CareDbContext db, ICareRoster roster, IAreaScope scope, TimeProvider clock)
{
    public async Task<Paged<DueVisitItem>> ListAsync(DueVisitFilter filter, int? page, int? pageSize, CancellationToken ct)
    {
        var area = CareArea.Of(scope, filter.Region);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Roster.AsNoTracking().Where(r => r.CommunityCode.StartsWith(area));
        if (filter.Grid is { } grid) query = query.Where(r => r.GridCode == grid);
        if (filter.Tier is { } tier) query = query.Where(r => r.Tier == tier);
        if (filter.Overdue == true) query = query.Where(r => r.WindowEndAt < now);
        if (filter.Overdue == false) query = query.Where(r => r.WindowEndAt >= now);
        if (filter.Escalation == Escalation.Street)
        {
            var streetBefore = now - VisitPlan.StreetAfter;
            query = query.Where(r => r.WindowEndAt < streetBefore);
        }
        else if (filter.Escalation == Escalation.Community)
        {
            var streetBefore = now - VisitPlan.StreetAfter;
            query = query.Where(r => r.WindowEndAt < now && r.WindowEndAt >= streetBefore);
        }
        if (filter.DueBefore is { } b && CareArea.Utc(b) is var before) query = query.Where(r => r.WindowStartAt <= before || r.WindowEndAt < now);
        var paged = await query.OrderBy(r => r.NextDueAt).ThenBy(r => r.ResidentId)
            .Select(r => new { r.ResidentId, r.CommunityCode, r.GridCode, r.Tier, r.Tags, r.NextDueAt, r.WindowStartAt, r.WindowEndAt, r.DueReason, r.DueNote, r.LastVisitAt })
            .ToCappedPageAsync(page, pageSize, ct);
        var cards = await roster.CardsAsync(paged.Items.Select(r => r.ResidentId).ToList(), ct);
        var items = paged.Items.Select(r =>
        {
            var card = cards.GetValueOrDefault(r.ResidentId);
            return new DueVisitItem(r.ResidentId, card?.Name, card?.Address, r.CommunityCode, r.GridCode, r.Tier, RosterEndpoints.TagsOf(r.Tags), r.NextDueAt, r.WindowStartAt,
                r.WindowEndAt, r.DueReason, r.DueNote, VisitPlan.For(r.Tier).Method, r.LastVisitAt, VisitPlan.IsOverdue(r.WindowEndAt, now), VisitPlan.EscalationOf(r.WindowEndAt, now));
        }).ToList();
        return new Paged<DueVisitItem>(items, paged.Page, paged.PageSize, paged.Total) { TotalIsCapped = paged.TotalIsCapped };
    }
}

internal static class DueVisitsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<DueVisitItem>>> (string? region, RiskTier? tier, bool? overdue, Escalation? escalation, DateTime? dueBefore, int? page, int? pageSize,
                DueVisitsQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.ListAsync(new DueVisitFilter(region, tier, overdue, escalation, dueBefore), page, pageSize, ct)))
            .WithName("ListDueCareVisits")
            .WithSummary("The next due visit of every roster resident in the caller's area (grid and community workers: their community; street and district staff: theirs) or a region under it, " +
                         "in due order; filter by tier, overdue (past the window's end), escalation (Community, or Street a week after the window) and dueBefore; paginated. A region outside the caller's area is a 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
