using System.ComponentModel.DataAnnotations;
using Linli.Modules.Care.Data;
using Linli.Modules.Care.Domain;
using Linli.Modules.Requests.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Features.RecordVisit;

internal sealed record RecordVisitRequest(
    [property: Required] long? ResidentId,
    [property: Required] VisitMethod? Method,
    [property: Required] Condition? Health,
    [property: Required] Condition? Living,
    [property: Required] Safety? Safety,
    [property: Required] Need? Needs,
    [property: MaxLength(CareLimits.Notes)] string? Notes = null,
    DateTime? VisitedAt = null);

/// <summary>The visit as recorded, the tier and next visit it led to, and the follow-up ticket a need opened.</summary>
internal sealed record RecordedVisit(long VisitId, long ResidentId, RiskTier TierBefore, RiskTier TierAfter, DateTime NextDueAt, DateTime WindowEndAt,
    long? FollowUpTicketId, string? FollowUpTicketNumber);

/// <summary>
/// Records a visit: the findings set the findings' tier (<see cref="TierRules.FromFindings"/>), the next visit moves to one
/// period of the tier in force after the visit (<see cref="VisitPlan.Routine"/>), and a need opens a follow-up ticket in
/// Requests through its contract, as the visitor's patrol finding in the resident's community.
/// </summary>
internal sealed class VisitRecorder(CareDbContext db, Residents.Contracts.ICareRoster roster, ICareFollowUps followUps, IAreaScope scope, TimeProvider clock)
{
    public async Task<RecordedVisit> RecordAsync(RecordVisitRequest request, string? visitorName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var visitedAt = request.VisitedAt is { } at ? CareArea.Utc(at) : now;
        if (visitedAt > now.AddMinutes(5)) throw ValidationFailedException.For(nameof(request.VisitedAt), "探访时间不能晚于现在。");
        if (visitedAt < now.AddDays(-90)) throw ValidationFailedException.For(nameof(request.VisitedAt), "只能补录 90 天内的探访。");
        if (!Enum.IsDefined(request.Method!.Value)) throw ValidationFailedException.For(nameof(request.Method), "探访方式不正确。");
        var findings = new Findings(request.Health!.Value, request.Living!.Value, request.Safety!.Value, request.Needs!.Value);
        if (!Enum.IsDefined(findings.Health)) throw ValidationFailedException.For(nameof(request.Health), "健康状况不正确。");
        if (!Enum.IsDefined(findings.Living)) throw ValidationFailedException.For(nameof(request.Living), "生活状况不正确。");
        if (!Enum.IsDefined(findings.Safety)) throw ValidationFailedException.For(nameof(request.Safety), "安全状况不正确。");
        if (!Enum.IsDefined(findings.Needs)) throw ValidationFailedException.For(nameof(request.Needs), "需求不正确。");

        var residentId = request.ResidentId!.Value;
        var entry = await db.Roster.FirstOrDefaultAsync(r => r.ResidentId == residentId, ct) ?? throw await CareArea.NotOnRosterAsync(roster, residentId, ct);
        var before = entry.Tier;
        var notes = request.Notes?.Trim() is { Length: > 0 } n ? n : null;
        var visit = new VisitRecord
        {
            ResidentId = residentId, CommunityCode = entry.CommunityCode, GridCode = entry.GridCode, VisitedAt = visitedAt, Method = request.Method.Value,
            Health = findings.Health, Living = findings.Living, Safety = findings.Safety, Needs = findings.Needs, Notes = notes,
            VisitorUserId = scope.UserId, VisitorName = visitorName ?? scope.UserName, TierBefore = before, RecordedAt = now,
        };
        // A visit back-dated before the last one recorded is history: it is kept, but the plan follows the latest visit.
        if (entry.LastVisitAt is null || visitedAt >= entry.LastVisitAt)
        {
            entry.FindingTier = TierRules.FromFindings(findings);
            entry.LastVisitAt = visitedAt;
            entry.Tier = TierRules.Effective(entry.TagTier, entry.FindingTier, entry.RaisedTier);
            entry.Schedule(VisitPlan.Routine(entry.Tier, visitedAt));
        }
        visit.TierAfter = entry.Tier;
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);

        if (findings.Needs != Need.None)
        {
            var description = $"关爱探访跟进（探访记录 {visit.Id}）：探访发现需要{(findings.Needs == Need.Urgent ? "紧急" : "")}帮助。" + (notes is null ? "" : " " + notes);
            var ticket = await followUps.OpenAsync(new CareFollowUp(entry.CommunityCode, entry.GridCode, description, findings.Needs == Need.Urgent), ct);
            visit.FollowUpTicketId = ticket.TicketId;
            visit.FollowUpTicketNumber = ticket.Number;
            await db.SaveChangesAsync(ct);
        }
        return new RecordedVisit(visit.Id, residentId, before, entry.Tier, entry.NextDueAt, entry.WindowEndAt, visit.FollowUpTicketId, visit.FollowUpTicketNumber);
    }
}

internal static class RecordVisitEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Created<RecordedVisit>> (RecordVisitRequest request, HttpContext http, VisitRecorder recorder, CancellationToken ct) =>
            {
                var recorded = await recorder.RecordAsync(request, http.User.FindFirst(LinliClaims.DisplayName)?.Value, ct);
                return TypedResults.Created($"/api/care/roster/{recorded.ResidentId}", recorded);
            })
            .RequireAuthorization(CarePermissions.VisitResidents)
            .WithName("RecordCareVisit")
            .WithSummary("Records a visit (method, findings: health, living, safety, needs; notes): moves the next due visit by the tier's rule; a need opens a follow-up ticket in Requests.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
