using System.Linq.Expressions;

namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>Where the follow-up (回访整改) of a rating stands: none (not a 差评), 待回访, 已回访, 回访超期.</summary>
internal enum FollowUpStatus
{
    None = 0,
    Pending = 1,
    Done = 2,
    Overdue = 3,
}

/// <summary>
/// The one rule for a rating's follow-up status, for the ratings list, its filter and its export alike: a 差评 has a due
/// time; it is 已回访 once recorded (late or not), else 回访超期 when the due-time job marked it or its due time has passed
/// (the job may not have run yet), else 待回访.
/// </summary>
internal static class RatingFollowUp
{
    public static FollowUpStatus Of(DateTime? dueAt, DateTime? doneAt, bool markedOverdue, DateTime now) =>
        dueAt is not { } due ? FollowUpStatus.None
        : doneAt is not null ? FollowUpStatus.Done
        : markedOverdue || due < now ? FollowUpStatus.Overdue
        : FollowUpStatus.Pending;

    /// <summary>The same rule as a filter the database evaluates (one index holds open follow-ups by due time).</summary>
    public static Expression<Func<CaseRating, bool>> Is(FollowUpStatus status, DateTime now) => status switch
    {
        FollowUpStatus.Done => r => r.FollowUpDueAt != null && r.FollowUpAt != null,
        FollowUpStatus.Overdue => r => r.FollowUpDueAt != null && r.FollowUpAt == null && (r.FollowUpOverdue || r.FollowUpDueAt < now),
        FollowUpStatus.Pending => r => r.FollowUpDueAt != null && r.FollowUpAt == null && !r.FollowUpOverdue && r.FollowUpDueAt >= now,
        _ => r => r.FollowUpDueAt == null,
    };
}
