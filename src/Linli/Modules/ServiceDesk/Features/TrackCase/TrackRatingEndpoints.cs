using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Features.RateCase;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Linli.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.TrackCase;

/// <summary>A rating through the tracking: the proof (case number, ID number whole or last 6) and the rating, all in the body.</summary>
internal sealed record TrackRateRequest([property: Required, MaxLength(CaseTracking.MaxNumberLength)] string Number,
    [property: Required, MaxLength(CaseTracking.MaxIdNumberLength)] string IdNumber, RatingLevel? Level, [property: MaxLength(2000)] string? Comment = null);

/// <summary>The follow-up of one of the applicant's 差评 rated through the tracking.</summary>
internal sealed record TrackFollowUpRateRequest([property: Required, MaxLength(CaseTracking.MaxNumberLength)] string Number,
    [property: Required, MaxLength(CaseTracking.MaxIdNumberLength)] string IdNumber, long RatingId, RatingLevel? Level);

/// <summary>
/// 好差评 without an account: whoever proves the case as the tracking does (<see cref="CaseTracking.ProveAsync"/>: audited,
/// 404 alike for a wrong proof and an unknown number, rate-limited per client) rates it as its applicant, by the same
/// <see cref="CaseRater"/> as a signed-in applicant: at the current stage, once per stage, a 差评 opening its follow-up.
/// </summary>
internal static class TrackRatingEndpoints
{
    public static async Task<ServiceCase> ProvenCaseAsync(long id, ServiceDeskDbContext db, CancellationToken ct) =>
        // The proof, not a sign-in, is the scope here.
        await db.ServiceCases.IgnoreQueryFilters().FirstAsync(c => c.Id == id, ct);

    public static void Map(IEndpointRouteBuilder app)
    {
        var track = app.MapGroup("/api/service-cases/track/ratings").AllowAnonymous().WithValidation().RequireRateLimiting(RateLimitPolicies.Track).WithTags("ServiceDesk");
        track.MapPost("", async Task<Created<TrackedRating>> (TrackRateRequest request, ServiceDeskDbContext db, IPersonalDataProtector protector, IAuditLog audit,
                CaseRater rater, TimeProvider clock, CancellationToken ct) =>
            {
                var id = await CaseTracking.ProveAsync(request.Number, request.IdNumber, db, protector, audit, ct) ?? throw new NotFoundException(CaseTracking.NotFound);
                var rating = await rater.RateAsync(await ProvenCaseAsync(id, db, ct), request.Level, request.Comment, ct);
                return TypedResults.Created("/api/service-cases/track", TrackedRating.Of(rating, clock.GetUtcNow().UtcDateTime));
            })
            .WithName("RateTrackedServiceCase")
            .WithSummary("The applicant without an account rates the case at its current stage (收件, 受理 or 办结), once per stage, proving it by the case number and " +
                         "their ID number (whole or its last 6 characters), all in the body; a 差评 opens a follow-up. 404 alike for an unknown number or a wrong ID number; audited; rate-limited.");
        track.MapPost("/follow-up", async Task<Ok<TrackedRating>> (TrackFollowUpRateRequest request, ServiceDeskDbContext db, IPersonalDataProtector protector, IAuditLog audit,
                CaseRater rater, TimeProvider clock, CancellationToken ct) =>
            {
                var id = await CaseTracking.ProveAsync(request.Number, request.IdNumber, db, protector, audit, ct) ?? throw new NotFoundException(CaseTracking.NotFound);
                var rating = await rater.RateFollowUpAsync(await ProvenCaseAsync(id, db, ct), request.RatingId, request.Level, ct);
                return TypedResults.Ok(TrackedRating.Of(rating, clock.GetUtcNow().UtcDateTime));
            })
            .WithName("RateTrackedServiceCaseFollowUp")
            .WithSummary("The applicant without an account rates the recorded follow-up of their 差评 (ratingId), once, proving the case as the tracking does.");
    }
}
