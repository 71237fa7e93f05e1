using System.ComponentModel.DataAnnotations;
using Linli.Modules.Care.Data;
using Linli.Modules.Care.Domain;
using Linli.Modules.Care.Features.Roster;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Features.RaiseTier;

internal sealed record RaiseTierRequest(
    [property: Required] RiskTier? Tier,
    [property: Required, MaxLength(CareLimits.Reason)] string Reason);

/// <summary>
/// A worker who knows more than the tags raises a resident's tier, with a reason: the raise is kept (the tier in force is
/// the highest of tags, findings and raise), the next visit comes forward to the new tier's plan, and the change is in
/// the audit log in the same transaction.
/// </summary>
internal sealed class TierRaiser(CareDbContext db, Residents.Contracts.ICareRoster roster, IAuditLog audit, IAreaScope scope, TimeProvider clock)
{
    public async Task<RosterDetails> RaiseAsync(long residentId, RaiseTierRequest request, CancellationToken ct)
    {
        var reason = request.Reason.Trim();
        if (reason.Length == 0) throw ValidationFailedException.For(nameof(request.Reason), "请说明提高风险等级的理由。");
        var tier = request.Tier!.Value;
        if (!Enum.IsDefined(tier)) throw ValidationFailedException.For(nameof(request.Tier), "风险等级不正确。");
        var entry = await db.Roster.FirstOrDefaultAsync(r => r.ResidentId == residentId, ct) ?? throw await CareArea.NotOnRosterAsync(roster, residentId, ct);
        if (tier <= entry.Tier) throw ValidationFailedException.For(nameof(request.Tier), "只能把风险等级调高：当前已是该等级或更高。");

        var now = clock.GetUtcNow().UtcDateTime;
        var before = entry.Tier;
        entry.RaisedTier = tier;
        entry.RaiseReason = reason;
        entry.RaisedBy = scope.UserName;
        entry.RaisedAt = now;
        entry.Tier = TierRules.Effective(entry.TagTier, entry.FindingTier, entry.RaisedTier);
        var routine = VisitPlan.Routine(entry.Tier, entry.LastVisitAt ?? entry.JoinedAt);
        if (routine.DueAt < entry.NextDueAt) entry.Schedule(routine);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(new AuditRecord(AuditActions.CareTierChanged, AuditSubjects.Resident, residentId.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.CommunityCode)
        {
            Field = $"{before}->{entry.Tier}", Reason = reason,
        }, db, ct);
        await transaction.CommitAsync(ct);
        return await RosterEndpoints.DetailsAsync(db, residentId, now, ct);
    }
}

internal static class RaiseTierEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{residentId:long}/tier", async Task<Ok<RosterDetails>> (long residentId, RaiseTierRequest request, TierRaiser raiser, CancellationToken ct) =>
                TypedResults.Ok(await raiser.RaiseAsync(residentId, request, ct)))
            .RequireAuthorization(CarePermissions.VisitResidents)
            .WithName("RaiseCareTier")
            .WithSummary("Raises a roster resident's risk tier with a reason (audited); the next visit comes forward to the new tier's frequency. A tier not above the current one is a 400 naming tier.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
