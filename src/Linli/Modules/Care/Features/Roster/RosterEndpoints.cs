using Linli.Modules.Care.Data;
using Linli.Modules.Care.Domain;
using Linli.Modules.Care.Features.SyncRoster;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Features.Roster;

internal sealed record RosterItem(long ResidentId, string CommunityCode, string? GridCode, IReadOnlyList<string> Tags, RiskTier Tier, RiskTier TagTier,
    RiskTier? FindingTier, RiskTier? RaisedTier, DateTime? LastVisitAt, DateTime NextDueAt, DateTime WindowEndAt, DueReason DueReason);

internal sealed record VisitItem(long Id, DateTime VisitedAt, VisitMethod Method, Condition Health, Condition Living, Safety Safety, Need Needs, string? Notes,
    string? VisitorName, RiskTier TierBefore, RiskTier TierAfter, long? FollowUpTicketId, string? FollowUpTicketNumber);

/// <summary>One resident on the roster: the tier with the rules that gave it, the next visit with its plan, the last visits.</summary>
internal sealed record RosterDetails(RosterItem Entry, IReadOnlyList<string> TierRules, string? RaiseReason, string Frequency, VisitMethod PlannedMethod,
    DateTime WindowStartAt, string? DueNote, bool IsOverdue, Escalation Escalation, IReadOnlyList<VisitItem> Visits);

internal sealed record SyncRosterRequest(string? Region);

internal static class RosterEndpoints
{
    public static string[] TagsOf(string tags) => tags.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", async Task<Ok<Paged<RosterItem>>> (string? region, RiskTier? tier, int? page, int? pageSize, CareDbContext db, IAreaScope scope, CancellationToken ct) =>
            {
                var area = CareArea.Of(scope, region);
                var query = db.Roster.AsNoTracking().Where(r => r.CommunityCode.StartsWith(area));
                if (tier is not null) query = query.Where(r => r.Tier == tier);
                var paged = await query.OrderBy(r => r.CommunityCode).ThenBy(r => r.ResidentId)
                    .Select(r => new { r.ResidentId, r.CommunityCode, r.GridCode, r.Tags, r.Tier, r.TagTier, r.FindingTier, r.RaisedTier, r.LastVisitAt, r.NextDueAt, r.WindowEndAt, r.DueReason })
                    .ToCappedPageAsync(page, pageSize, ct);
                return TypedResults.Ok(new Paged<RosterItem>(paged.Items.Select(r => new RosterItem(r.ResidentId, r.CommunityCode, r.GridCode, TagsOf(r.Tags), r.Tier, r.TagTier,
                    r.FindingTier, r.RaisedTier, r.LastVisitAt, r.NextDueAt, r.WindowEndAt, r.DueReason)).ToList(), paged.Page, paged.PageSize, paged.Total) { TotalIsCapped = paged.TotalIsCapped });
            })
            .WithName("ListCareRoster")
            .WithSummary("The care roster (special groups from the resident pool's tags) of the caller's area or a region under it, with each resident's tier; paginated. A region outside the caller's area is a 404.");

        api.MapGet("/{residentId:long}", async Task<Ok<RosterDetails>> (long residentId, CareDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await DetailsAsync(db, residentId, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("GetCareRosterEntry")
            .WithSummary("One resident on the roster: tier and the rules that gave it, the next due visit and its window, the last visits. Outside the caller's area a 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/sync", async Task<Ok<RosterSyncResult>> (SyncRosterRequest? request, RosterSync sync, IAreaScope scope, CancellationToken ct) =>
                TypedResults.Ok(await sync.RunAsync(CareArea.Of(scope, request?.Region), ct)))
            .RequireAuthorization(CarePermissions.SyncRoster)
            .WithName("SyncCareRoster")
            .WithSummary("Brings the roster of the caller's area (or a region under it) up to date with the resident pool's tags now: tiers and next due visits by the rules; the job does the same for the whole city.");
    }

    public static async Task<RosterDetails> DetailsAsync(CareDbContext db, long residentId, DateTime now, CancellationToken ct)
    {
        var r = await db.Roster.AsNoTracking().FirstOrDefaultAsync(x => x.ResidentId == residentId, ct)
                ?? throw new NotFoundException("关爱对象 {0} 不存在。", residentId);
        var visits = await db.Visits.AsNoTracking().Where(v => v.ResidentId == residentId).OrderByDescending(v => v.VisitedAt).ThenByDescending(v => v.Id).Take(10)
            .Select(v => new VisitItem(v.Id, v.VisitedAt, v.Method, v.Health, v.Living, v.Safety, v.Needs, v.Notes, v.VisitorName, v.TierBefore, v.TierAfter,
                v.FollowUpTicketId, v.FollowUpTicketNumber))
            .ToListAsync(ct);
        var plan = VisitPlan.For(r.Tier);
        var rules = TierRules.Table.Where(t => t.Applies(TagList(r.Tags))).Select(t => t.Code).ToList();
        return new RosterDetails(new RosterItem(r.ResidentId, r.CommunityCode, r.GridCode, TagsOf(r.Tags), r.Tier, r.TagTier, r.FindingTier, r.RaisedTier, r.LastVisitAt,
                r.NextDueAt, r.WindowEndAt, r.DueReason),
            rules, r.RaiseReason, plan.Frequency, plan.Method, r.WindowStartAt, r.DueNote, VisitPlan.IsOverdue(r.WindowEndAt, now), VisitPlan.EscalationOf(r.WindowEndAt, now), visits);
    }

    /// <summary>The stored tag text read back into tags, for the rule table.</summary>
    public static IReadOnlyList<Residents.Contracts.CareRosterTag> TagList(string tags) =>
        TagsOf(tags).Select(t => t.Split(':')).Where(p => Enum.TryParse<Residents.Contracts.PopulationTagKind>(p[0], out _))
            .Select(p => new Residents.Contracts.CareRosterTag(Enum.Parse<Residents.Contracts.PopulationTagKind>(p[0]), p.Length > 1 && int.TryParse(p[1], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var g) ? g : null))
            .ToList();
}
