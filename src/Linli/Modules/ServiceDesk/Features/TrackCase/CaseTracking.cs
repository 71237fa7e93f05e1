using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Linli.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.TrackCase;

/// <summary>The case number, in the body (never in a URL, where proxies and logs would keep it).</summary>
internal sealed record TrackCaseRequest([property: Required, MaxLength(CaseTracking.MaxNumberLength)] string Number);

/// <summary>What anyone holding a case number sees: the applicant's name masked, the item, the state, the next step and its due date. Nothing else.</summary>
internal sealed record CaseTrackView(string Number, string ApplicantName, string ItemName, CaseState State, string StateLabel, string NextStep, DateTime? DueAt);

/// <summary>
/// Following a case by its number without signing in (the number is on the receipt and on the one-time notice). The
/// number is the only proof, so what is shown is what the issue allows a stranger holding it to see; each lookup is a
/// search by number, written to the audit log (matched or not), and lookups are rate-limited per client
/// (<see cref="RateLimitPolicies.Track"/>, like the Requests module's lookup by number and phone).
/// </summary>
internal static class CaseTracking
{
    public const int MaxNumberLength = 20;

    public static async Task<CaseTrackView?> FindAsync(string? number, ServiceDeskDbContext db, IAuditLog audit, CancellationToken ct)
    {
        var wanted = number?.Trim() ?? "";
        if (wanted.Length is 0 or > MaxNumberLength || !wanted.All(char.IsAsciiDigit))
        {
            await RecordAsync(audit, null, null, ct);
            return null;
        }
        // Nobody is signed in: the scope filter would hide every case; the number is the caller's scope instead.
        var found = await db.ServiceCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.Number == wanted)
            .Select(c => new { c.Id, c.Number, c.ApplicantName, c.ItemVersionId, c.State, c.DueAt, c.AcceptingCommunityCode })
            .FirstOrDefaultAsync(ct);
        if (found is null)
        {
            await RecordAsync(audit, null, null, ct);
            return null;
        }
        var item = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Id == found.ItemVersionId).Select(v => v.Name).FirstAsync(ct);
        await RecordAsync(audit, found.Id, found.AcceptingCommunityCode, ct);
        return new CaseTrackView(found.Number, Masking.Name(found.ApplicantName), item, found.State, CaseLabels.State(found.State).ToString(),
            CaseLabels.NextStep(found.State).ToString(), found.DueAt);
    }

    private static Task RecordAsync(IAuditLog audit, long? id, string? community, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.SearchByNumber, AuditSubjects.ServiceCase, id?.ToString(CultureInfo.InvariantCulture) ?? "", community ?? "", "number",
            string.Format(CultureInfo.InvariantCulture, "凭办件编号查询：匹配 {0} 件", id is null ? 0 : 1), ct);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/service-cases/track", async Task<Ok<CaseTrackView>> (TrackCaseRequest request, ServiceDeskDbContext db, IAuditLog audit, CancellationToken ct) =>
                await FindAsync(request.Number, db, audit, ct) is { } found ? TypedResults.Ok(found) : throw new NotFoundException("没有编号为 {0} 的办件。", request.Number.Length > MaxNumberLength ? request.Number[..MaxNumberLength] : request.Number))
            .AllowAnonymous()
            .WithValidation()
            .RequireRateLimiting(RateLimitPolicies.Track)
            .WithTags("ServiceDesk")
            .WithName("TrackServiceCase")
            .WithSummary("Follows a case by its number without signing in (the number in the body): the applicant's name masked, the item, the state, the next step and its due date; 404 for an unknown number; audited as a search by number; rate-limited per client.");
}
