using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Linli.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.TrackCase;

/// <summary>
/// The case number and the applicant's ID number (all 18 characters, or the last 6) as the second proof, both in the body
/// (never in a URL, where proxies and logs would keep them).
/// </summary>
internal sealed record TrackCaseRequest([property: Required, MaxLength(CaseTracking.MaxNumberLength)] string Number,
    [property: Required, MaxLength(CaseTracking.MaxIdNumberLength)] string IdNumber);

/// <summary>What the applicant holding the case number and their ID number sees: their name masked, the item, the state, the next step and its due date. Nothing else.</summary>
internal sealed record CaseTrackView(string Number, string ApplicantName, string ItemName, CaseState State, string StateLabel, string NextStep, DateTime? DueAt)
{
    /// <summary>The applicant's ratings of the case so far, oldest first (levels and follow-ups, not the comments).</summary>
    public IReadOnlyList<TrackedRating> Ratings { get; init; } = [];

    /// <summary>The stage a rating given now would rate, while it has none; null once it has been rated.</summary>
    public CaseState? RateStage { get; init; }
    public string? RateStageLabel { get; init; }
}

/// <summary>
/// One rating as its applicant sees it on the tracking: the stage, the level, and for a 差评 where the follow-up stands,
/// what was done about it and whether they may still rate it (<see cref="CanRateFollowUp"/>).
/// </summary>
internal sealed record TrackedRating(long Id, CaseState Stage, string StageLabel, RatingLevel Level, string LevelLabel, bool IsPoor, FollowUpStatus FollowUp,
    string FollowUpLabel, string? FollowUpNote, RatingLevel? FollowUpLevel, string? FollowUpLevelLabel)
{
    public bool CanRateFollowUp => FollowUp == FollowUpStatus.Done && FollowUpLevel is null;

    public static TrackedRating Of(CaseRating r, DateTime now)
    {
        var status = RatingFollowUp.Of(r.FollowUpDueAt, r.FollowUpAt, r.FollowUpOverdue, now);
        return new(r.Id, r.Stage, CaseLabels.Stage(r.Stage).ToString(), r.Level, CaseLabels.Level(r.Level).ToString(), r.IsPoor, status,
            CaseLabels.FollowUp(status).ToString(), r.FollowUpNote, r.FollowUpLevel, r.FollowUpLevel is { } l ? CaseLabels.Level(l).ToString() : null);
    }
}

/// <summary>
/// Following a case without signing in: the case number (on the receipt and on the one-time notice, so not secret) and
/// the applicant's ID number, whole or its last 6 characters, as the proof (<see cref="NumberLookup"/>, like the Requests
/// module's lookup by number and phone). The proof is compared by keyed hash in fixed time; a wrong proof and an unknown
/// number answer alike (404, one text). Each lookup is a search by number, written to the audit log matched or not and
/// never with either number, and lookups are rate-limited per client (<see cref="RateLimitPolicies.Track"/>).
/// </summary>
internal static class CaseTracking
{
    public const int MaxNumberLength = 20;
    public const int MaxIdNumberLength = 18;

    /// <summary>How many of the ID number's last characters prove it as well as the whole number does (收件回执 shows none of them).</summary>
    public const int IdTailLength = 6;

    public const string NotFound = "没有与此编号和身份证号相符的办件。";

    public static async Task<CaseTrackView?> FindAsync(string? number, string? idNumber, ServiceDeskDbContext db, IPersonalDataProtector protector, IAuditLog audit,
        TimeProvider clock, CancellationToken ct) =>
        await ProveAsync(number, idNumber, db, protector, audit, ct) is { } id ? await ViewAsync(id, db, clock, ct) : null;

    /// <summary>
    /// The id of the case whose number is <paramref name="number"/> if <paramref name="idNumber"/> proves it (whole or its
    /// last 6 characters), else null; audited as a search by number either way. Rating on the tracking page starts here too.
    /// </summary>
    public static async Task<long?> ProveAsync(string? number, string? idNumber, ServiceDeskDbContext db, IPersonalDataProtector protector, IAuditLog audit,
        CancellationToken ct)
    {
        var wanted = NumberLookup.Reference(number, MaxNumberLength);
        // Hashed whether or not the case exists: every refusal costs the same.
        var proof = IdNumber.Normalize(idNumber ?? "");
        var tail = proof.Length == IdTailLength;
        var offered = protector.LookupHash(tail ? TailProof(proof) : proof);
        if (wanted is null || !wanted.All(char.IsAsciiDigit) || proof.Length is not (IdTailLength or MaxIdNumberLength))
        {
            await RecordAsync(audit, null, null, ct);
            return null;
        }
        // Nobody is signed in: the scope filter would hide every case; the number and the proof are the caller's scope instead,
        // checked before anything else of the case is read.
        var found = await db.ServiceCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.Number == wanted)
            .Select(c => new { c.Id, c.ApplicantIdHash, c.ApplicantIdCipher, c.AcceptingCommunityCode })
            .FirstOrDefaultAsync(ct);
        // The whole number against the stored hash; the last 6 against the hash of the stored number's last 6 (opened here, never shown).
        var stored = found is null ? null
            : tail ? protector.LookupHash(TailProof(protector.Decrypt(found.ApplicantIdCipher)[^IdTailLength..]))
            : found.ApplicantIdHash;
        if (!NumberLookup.ProofMatches(stored, offered) || found is null)
        {
            await RecordAsync(audit, null, null, ct);
            return null;
        }
        await RecordAsync(audit, found.Id, found.AcceptingCommunityCode, ct);
        return found.Id;
    }

    /// <summary>What the proven applicant sees of case <paramref name="id"/> (read outside the scope: the proof was the scope).</summary>
    public static async Task<CaseTrackView> ViewAsync(long id, ServiceDeskDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var found = await db.ServiceCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new { c.Id, c.Number, c.ApplicantName, c.ItemVersionId, c.State, c.DueAt })
            .FirstAsync(ct);
        var item = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Id == found.ItemVersionId).Select(v => v.Name).FirstAsync(ct);
        var ratings = await db.CaseRatings.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var stage = RateCase.RateCaseEndpoints.StageOf(found.State);
        return new CaseTrackView(found.Number, Masking.Name(found.ApplicantName), item, found.State, CaseLabels.State(found.State).ToString(),
            CaseLabels.NextStep(found.State).ToString(), found.DueAt)
        {
            Ratings = ratings.Select(r => TrackedRating.Of(r, now)).ToList(),
            RateStage = ratings.Any(r => r.Stage == stage) ? null : stage,
            RateStageLabel = ratings.Any(r => r.Stage == stage) ? null : CaseLabels.Stage(stage).ToString(),
        };
    }

    /// <summary>The last characters hashed apart from whole numbers (a 6-character value is never an ID number's hash).</summary>
    private static string TailProof(string lastCharacters) => "id-tail:" + lastCharacters;

    private static Task RecordAsync(IAuditLog audit, long? id, string? community, CancellationToken ct) =>
        NumberLookup.RecordAsync(audit, AuditSubjects.ServiceCase, id, community, "idNumber", "凭办件编号和身份证号查询", ct);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/service-cases/track", async Task<Ok<CaseTrackView>> (TrackCaseRequest request, ServiceDeskDbContext db, IPersonalDataProtector protector,
                    IAuditLog audit, TimeProvider clock, CancellationToken ct) =>
                await FindAsync(request.Number, request.IdNumber, db, protector, audit, clock, ct) is { } found ? TypedResults.Ok(found) : throw new NotFoundException(NotFound))
            .AllowAnonymous()
            .WithValidation()
            .RequireRateLimiting(RateLimitPolicies.Track)
            .WithTags("ServiceDesk")
            .WithName("TrackServiceCase")
            .WithSummary("Follows a case without signing in: the case number and the applicant's ID number (whole or its last 6 characters), both in the body. " +
                         "Answers the applicant's name masked, the item, the state, the next step and its due date; 404 alike for an unknown number or a wrong ID number; " +
                         "audited as a search by number; rate-limited per client.");
}
