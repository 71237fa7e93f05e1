using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Linli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Jobs;

/// <summary>
/// What the service desk does when a case's due time passes (the platform's watcher calls it in its transaction, in the
/// same <see cref="ServiceDeskDbContext"/>): the notice window passed with the case still at 收件 — it counts as
/// accepted from 收件; the time limit passed before the decision — the case is overdue and its owner, the street and
/// district over the accepting community and the department are told; a 差评's follow-up ran late — escalated alike.
/// </summary>
internal sealed class CaseDueTimes(ServiceDeskDbContext db, CaseWorkflow workflow) : IDueTimeHandler<CaseDueTime>
{
    public const string Name = "servicedesk.due-times";

    public async Task FireAsync(IReadOnlyList<CaseDueTime> due, DateTime now, CancellationToken cancellationToken)
    {
        var caseIds = due.Select(d => d.CaseId).Distinct().ToList();
        var cases = await db.ServiceCases.IgnoreQueryFilters().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        // The follow-ups' ratings in one query for the batch, not one per due time.
        var ratingIds = due.Where(d => d.Kind == CaseDueKind.FollowUp && d.RatingId is not null).Select(d => d.RatingId!.Value).Distinct().ToList();
        var ratings = await db.CaseRatings.Where(r => ratingIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var d in due)
        {
            var c = cases[d.CaseId];
            switch (d.Kind)
            {
                case CaseDueKind.NoticeWindow:
                    if (c.State != CaseState.Received)
                    {
                        d.Close(now);
                        break;
                    }
                    workflow.AcceptByLaw(c);
                    break;
                case CaseDueKind.Limit:
                    if (c.DecidedAt is not null)
                    {
                        d.Close(now);
                        break;
                    }
                    c.IsOverdue = true;
                    c.UpdatedAt = now;
                    foreach (var to in Supervisors(c).Prepend(NotificationAddress.User(c.OwnerUserId)))
                        db.CaseOutbox.Add(workflow.Message(to, c, "办件超期", $"办件 {c.Number} 已超过承诺办结时限（{CaseWorkflow.Local(d.DueAt)}），请督办。"));
                    break;
                case CaseDueKind.FollowUp:
                    var rating = d.RatingId is { } ratingId ? ratings.GetValueOrDefault(ratingId) : null;
                    if (rating is null || rating.FollowUpAt is not null)
                    {
                        d.Close(now);
                        break;
                    }
                    rating.FollowUpOverdue = true;
                    foreach (var to in Supervisors(c).Prepend(NotificationAddress.User(c.OwnerUserId)))
                        db.CaseOutbox.Add(workflow.Message(to, c, "差评整改超期", $"办件 {c.Number} 的差评回访已超期（{CaseWorkflow.Local(d.DueAt)}），请督办。"));
                    break;
            }
        }
    }

    /// <summary>The street and district over the accepting community, and the deciding department.</summary>
    private static IEnumerable<string> Supervisors(ServiceCase c) =>
        [NotificationAddress.Area(c.AcceptingCommunityCode[..9]), NotificationAddress.Area(c.AcceptingCommunityCode[..6]), NotificationAddress.Department(c.DepartmentCode)];

    /// <summary>The platform moved the running due times; the case keeps a copy of its limit for the lists.</summary>
    public async Task<int> CalendarChangedAsync(WorkingCalendarChange change, IReadOnlyList<CaseDueTime> moved, CancellationToken cancellationToken)
    {
        var limits = moved.Where(d => d.Kind == CaseDueKind.Limit).ToList();
        var ids = limits.Select(d => d.CaseId).ToList();
        var cases = await db.ServiceCases.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var d in limits)
        {
            cases[d.CaseId].DueAt = d.DueAt;
            cases[d.CaseId].UpdatedAt = change.NowUtc;
        }
        return moved.Select(d => d.CaseId).Distinct().Count();
    }
}
