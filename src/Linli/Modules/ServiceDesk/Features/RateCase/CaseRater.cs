using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Notifications;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.RateCase;

/// <summary>
/// 好差评 itself, whoever the applicant proved to be: signed in as the case's applicant (<see cref="RateCaseEndpoints"/>)
/// or by the case number and their ID number on the public tracking (Features/TrackCase/TrackRatingEndpoints.cs). The
/// callers check who acts; this is what a rating and a follow-up rating do, in one place: a level is required (never
/// defaulted), one rating per stage (the unique index's 409), and a 差评 opens its follow-up with a due time and a
/// message to the owner, saved together.
/// </summary>
internal sealed class CaseRater(ServiceDeskDbContext db, CaseWorkflow workflow, WorkingCalendar calendar, IOptions<CaseOptions> options)
{
    /// <summary>Rates <paramref name="c"/> (tracked) at its current stage and saves.</summary>
    public async Task<CaseRating> RateAsync(ServiceCase c, RatingLevel? level, string? comment, CancellationToken ct)
    {
        var chosen = Chosen(level);
        var stage = RateCaseEndpoints.StageOf(c.State);
        var now = workflow.Now;
        var rating = new CaseRating { CaseId = c.Id, Stage = stage, Level = chosen, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            RatedAt = now, AcceptingCommunityCode = c.AcceptingCommunityCode };
        db.CaseRatings.Add(rating);
        if (rating.IsPoor)
        {
            rating.FollowUpDueAt = calendar.AddWorkingDays(now, options.Value.FollowUpDays);
            // By navigation: EF writes the rating first and fills the due time's RatingId, all in one SaveChanges.
            db.CaseDueTimes.Add(new CaseDueTime { CaseId = c.Id, Kind = CaseDueKind.FollowUp, Rating = rating, DueAt = rating.FollowUpDueAt.Value });
            db.CaseOutbox.Add(workflow.Message(NotificationAddress.User(c.OwnerUserId), c, "差评待回访",
                $"办件 {c.Number} 收到{CaseLabels.Level(chosen)}评价，请在 {CaseWorkflow.Local(rating.FollowUpDueAt)} 前回访整改并记录。"));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // Once per case and stage is the unique index's to say: two ratings at once, one gets through, the other is a 409.
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw CaseTransitions.Conflict(c, "此办件在{0}阶段已评价过。", CaseLabels.State(stage));
        }
        return rating;
    }

    /// <summary>Rates the recorded follow-up of the 差评 <paramref name="ratingId"/> of <paramref name="c"/>, once, and saves.</summary>
    public async Task<CaseRating> RateFollowUpAsync(ServiceCase c, long ratingId, RatingLevel? level, CancellationToken ct)
    {
        var rating = await db.CaseRatings.FirstOrDefaultAsync(r => r.Id == ratingId && r.CaseId == c.Id, ct) ?? throw new NotFoundException("评价 {0} 不存在。", ratingId);
        if (rating.FollowUpAt is null) throw CaseTransitions.Conflict(c, "回访尚未记录，暂不能评价回访。");
        if (rating.FollowUpLevel is not null) throw CaseTransitions.Conflict(c, "回访已评价过。");
        rating.FollowUpLevel = Chosen(level);
        await db.SaveChangesAsync(ct);
        return rating;
    }

    private static RatingLevel Chosen(RatingLevel? level) =>
        level is { } l && Enum.IsDefined(l) ? l : throw ValidationFailedException.For("Level", "请选择评价等级。");
}
