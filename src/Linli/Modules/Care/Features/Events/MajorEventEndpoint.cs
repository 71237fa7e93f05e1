using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Linli.Modules.Care.Data;
using Linli.Modules.Care.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Features.Events;

/// <summary>The major changes that bring a visit forward (each is the <see cref="DueReason"/> of the same number).</summary>
internal enum CareEventKind
{
    HospitalStay = DueReason.HospitalStay,
    CarerDied = DueReason.CarerDied,
    ColdSpell = DueReason.ColdSpell,
}

/// <summary>
/// A major change: <see cref="DueReason.HospitalStay"/> or <see cref="DueReason.CarerDied"/> for one resident
/// (<see cref="ResidentId"/>), or ColdSpell for a district or street (<see cref="Region"/>).
/// </summary>
internal sealed record MajorEventRequest(
    [property: Required] CareEventKind? Kind,
    long? ResidentId = null,
    [property: MaxLength(9)] string? Region = null,
    [property: MaxLength(CareLimits.Note)] string? Note = null);

/// <summary>Residents whose next visit the event brought forward, and the time they are all due by.</summary>
internal sealed record MajorEventResult(DueReason Kind, int Scheduled, DateTime DueBy);

/// <summary>
/// A major event schedules a visit within 24 hours for everyone it concerns, in one UPDATE: the resident of a hospital
/// stay or a carer's death; in a cold spell, everyone of the district (or street) at priority or high risk, or elderly
/// living alone or 80+. A visit already due sooner stays as it is.
/// </summary>
internal sealed class MajorEvents(CareDbContext db, Residents.Contracts.ICareRoster roster, IAreaScope scope, TimeProvider clock)
{
    public async Task<MajorEventResult> ReportAsync(MajorEventRequest request, ClaimsPrincipal user, PermissionCatalog permissions, CancellationToken ct)
    {
        var kind = (DueReason)request.Kind!.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var next = VisitPlan.ForEvent(kind, now);
        var note = request.Note?.Trim() is { Length: > 0 } n ? n : null;
        IQueryable<RosterEntry> concerned;
        switch (kind)
        {
            case DueReason.HospitalStay or DueReason.CarerDied:
                if (!permissions.Allows(user, CarePermissions.VisitResidents)) throw new ForbiddenException("只有网格员和社区工作者可以报告居民的重大变化。");
                if (request.ResidentId is not { } residentId) throw ValidationFailedException.For(nameof(request.ResidentId), "请指明是哪位关爱对象。");
                if (!await db.Roster.AnyAsync(r => r.ResidentId == residentId, ct)) throw await CareArea.NotOnRosterAsync(roster, residentId, ct);
                concerned = db.Roster.Where(r => r.ResidentId == residentId);
                break;
            case DueReason.ColdSpell:
                if (!permissions.Allows(user, CarePermissions.DeclareColdSpell)) throw new ForbiddenException("只有街道和区县工作人员可以发布寒潮预警。");
                if (request.Region?.Trim() is not { Length: 6 or 9 } region || !region.All(char.IsAsciiDigit))
                    throw ValidationFailedException.For(nameof(request.Region), "请填写区县（6 位）或街道（9 位）代码。");
                var area = CareArea.Of(scope, region);
                concerned = db.Roster.Where(r => r.CommunityCode.StartsWith(area)
                    && (r.Tier >= RiskTier.Priority || r.Tags.Contains("|LivingAlone|") || r.Tags.Contains("|Elderly80|")));
                break;
            default:
                throw ValidationFailedException.For(nameof(request.Kind), "重大变化只能是住院、照料人去世或寒潮。");
        }
        var scheduled = await concerned.Where(r => r.NextDueAt > next.DueAt).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.NextDueAt, next.DueAt)
            .SetProperty(r => r.WindowStartAt, next.WindowStart)
            .SetProperty(r => r.WindowEndAt, next.WindowEnd)
            .SetProperty(r => r.DueReason, kind)
            .SetProperty(r => r.DueNote, note), ct);
        return new MajorEventResult(kind, scheduled, next.DueAt);
    }
}

internal static class MajorEventEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Ok<MajorEventResult>> (MajorEventRequest request, HttpContext http, PermissionCatalog permissions, MajorEvents events, CancellationToken ct) =>
                TypedResults.Ok(await events.ReportAsync(request, http.User, permissions, ct)))
            .WithName("ReportCareEvent")
            .WithSummary("A major change (HospitalStay or CarerDied for a residentId; ColdSpell for a district or street region): a visit within 24 hours for everyone it concerns, set-based.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
