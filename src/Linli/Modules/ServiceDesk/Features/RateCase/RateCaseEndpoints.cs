using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.RateCase;

/// <summary>A rating: one of the five levels (never defaulted: a missing level is refused) and an optional comment.</summary>
internal sealed record RateRequest(RatingLevel? Level, [property: MaxLength(2000)] string? Comment = null);
internal sealed record FollowUpRequest([property: MaxLength(2000)] string? Note = null);

internal sealed record RatingView(long Id, CaseState Stage, RatingLevel Level, string LevelLabel, string? Comment, DateTime RatedAt, bool IsPoor,
    DateTime? FollowUpDueAt, string? FollowUpNote, DateTime? FollowUpAt, RatingLevel? FollowUpLevel, bool FollowUpOverdue)
{
    public static RatingView Of(CaseRating r) => new(r.Id, r.Stage, r.Level, CaseLabels.Level(r.Level).ToString(), r.Comment, r.RatedAt, r.IsPoor,
        r.FollowUpDueAt, r.FollowUpNote, r.FollowUpAt, r.FollowUpLevel, r.FollowUpOverdue);
}

/// <summary>
/// 好差评: the applicant rates a case at 收件, at 受理 or after 办结, once per stage, when they choose to (nothing is
/// asked of them and nothing is filled in for them: an unrated case has no rating). A 差评 (不满意, 非常不满意) opens a
/// follow-up due in working days (ServiceDesk:Cases:FollowUpDays) that the owner records and the applicant may rate;
/// the due-time job escalates it when it runs late.
/// </summary>
internal static class RateCaseEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/{id:long}/ratings", async Task<Ok<List<RatingView>>> (long id, ServiceDeskDbContext db, CancellationToken ct) =>
            {
                _ = await db.ServiceCases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Id).FirstOrDefaultAsync(ct) is var found && found != 0
                    ? found : throw new NotFoundException("办件 {0} 不存在。", id);
                return TypedResults.Ok((await db.CaseRatings.AsNoTracking().Where(r => r.CaseId == id).OrderBy(r => r.Id).ToListAsync(ct)).Select(RatingView.Of).ToList());
            })
            .WithName("ListServiceCaseRatings").WithSummary("The ratings of a case the caller may see.");

        api.MapPost("/{id:long}/ratings", async Task<Created<RatingView>> (long id, RateRequest request, ServiceDeskDbContext db, CaseRater rater,
                HttpContext http, IAreaScope scope, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var c = await db.ServiceCases.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("办件 {0} 不存在。", id);
                if (c.ApplicantUserId is null || c.ApplicantUserId != actor.UserId) throw new ForbiddenException("只有申请人本人可以评价办件。");
                var rating = await rater.RateAsync(c, request.Level, request.Comment, ct);
                return TypedResults.Created($"/api/service-cases/{id}/ratings", RatingView.Of(rating));
            })
            .WithName("RateServiceCase").WithSummary("The applicant rates the case at its current stage (收件, 受理 or 办结), once per stage; a 差评 opens a follow-up.");

        api.MapPost("/{id:long}/ratings/{ratingId:long}/follow-up", async Task<Ok<RatingView>> (long id, long ratingId, FollowUpRequest request, ServiceDeskDbContext db,
                CaseWorkflow workflow, HttpContext http, IAreaScope scope, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var c = await db.ServiceCases.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("办件 {0} 不存在。", id);
                var rating = await db.CaseRatings.FirstOrDefaultAsync(r => r.Id == ratingId && r.CaseId == id, ct) ?? throw new NotFoundException("评价 {0} 不存在。", ratingId);
                if (c.OwnerUserId != actor.UserId && !actor.WorksFor(c.AcceptingCommunityCode)) throw new ForbiddenException("只有办件负责人或受理社区可以记录回访。");
                if (!rating.IsPoor) throw CaseTransitions.Conflict(c, "只有差评需要回访整改。");
                if (rating.FollowUpAt is not null) throw CaseTransitions.Conflict(c, "此差评已记录回访。");
                rating.FollowUpNote = string.IsNullOrWhiteSpace(request.Note) ? throw ValidationFailedException.For("Note", "请填写回访整改情况。") : request.Note.Trim();
                rating.FollowUpAt = workflow.Now;
                await db.CaseDueTimes.Where(d => d.CaseId == id && d.RatingId == ratingId && d.ClosedAt == null).ForEachAsync(d => d.Close(workflow.Now), ct);
                workflow.NotifyApplicant(c, "差评回访", $"关于办件 {c.Number} 的评价，我们已回访整改：{rating.FollowUpNote}。欢迎对回访作出评价。");
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(RatingView.Of(rating));
            })
            .WithName("FollowUpServiceCaseRating").WithSummary("The owner records what was done about a 差评 (回访整改).");

        api.MapPost("/{id:long}/ratings/{ratingId:long}/follow-up-rating", async Task<Ok<RatingView>> (long id, long ratingId, RateRequest request, ServiceDeskDbContext db,
                CaseRater rater, HttpContext http, IAreaScope scope, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var c = await db.ServiceCases.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("办件 {0} 不存在。", id);
                if (c.ApplicantUserId != actor.UserId) throw new ForbiddenException("只有申请人本人可以评价办件。");
                return TypedResults.Ok(RatingView.Of(await rater.RateFollowUpAsync(c, ratingId, request.Level, ct)));
            })
            .WithName("RateServiceCaseFollowUp").WithSummary("The applicant rates the follow-up of their 差评, if they wish.");
    }

    /// <summary>The stage a rating given now belongs to: 收件, 受理 (while it is handled) or 办结 (once decided, handed over or refused).</summary>
    public static CaseState StageOf(CaseState state) => state switch
    {
        CaseState.Received or CaseState.AwaitingCompletion => CaseState.Received,
        CaseState.Accepted or CaseState.Forwarded or CaseState.UnderReview or CaseState.Suspended => CaseState.Accepted,
        _ => CaseState.HandedOver,
    };
}
