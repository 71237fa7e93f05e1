namespace Linli.Modules.Care.Domain;

/// <summary>What a tier's plan says: how often, by which method, and the window around the due time a visit counts in.</summary>
internal sealed record TierPlan(RiskTier Tier, string Frequency, VisitMethod Method, TimeSpan Lead, TimeSpan Grace);

/// <summary>The next due visit of one resident: due at, counts from window start, missed after window end.</summary>
internal sealed record NextVisit(DateTime DueAt, DateTime WindowStart, DateTime WindowEnd, DueReason Reason);

/// <summary>
/// Visit plans are rules, not lists: the tier gives the frequency (high weekly, priority monthly, general quarterly), the
/// method and the window; only the next due visit is computed and stored. A major event brings it forward to within 24
/// hours. Missed visits escalate: past the window's end to the community, a week later to the street.
/// </summary>
internal static class VisitPlan
{
    /// <summary>A major change (a hospital stay, a carer's death, a cold spell) is followed by a visit within this time.</summary>
    public static readonly TimeSpan EventDeadline = TimeSpan.FromHours(24);

    /// <summary>After the window's end a missed visit is the community's to chase; this much later, the street's.</summary>
    public static readonly TimeSpan StreetAfter = TimeSpan.FromDays(7);

    public static IReadOnlyList<TierPlan> Table { get; } =
    [
        new(RiskTier.High, "weekly", VisitMethod.Home, TimeSpan.FromDays(2), TimeSpan.FromDays(1)),
        new(RiskTier.Priority, "monthly", VisitMethod.Home, TimeSpan.FromDays(7), TimeSpan.FromDays(7)),
        new(RiskTier.General, "quarterly", VisitMethod.Phone, TimeSpan.FromDays(14), TimeSpan.FromDays(14)),
    ];

    public static TierPlan For(RiskTier tier) => Table.Single(p => p.Tier == tier);

    /// <summary>The due time one period after <paramref name="from"/>: a week, a calendar month or three.</summary>
    public static DateTime After(RiskTier tier, DateTime from) => tier switch
    {
        RiskTier.High => from.AddDays(7),
        RiskTier.Priority => from.AddMonths(1),
        _ => from.AddMonths(3),
    };

    /// <summary>The routine next visit after the last one (or, never visited, after joining the roster).</summary>
    public static NextVisit Routine(RiskTier tier, DateTime lastVisitOrJoined)
    {
        var plan = For(tier);
        var due = After(tier, lastVisitOrJoined);
        return new NextVisit(due, due - plan.Lead, due + plan.Grace, DueReason.Routine);
    }

    /// <summary>
    /// The next visit when the roster is synced or the tier changes: the routine one by the current tier, unless what is
    /// stored is due sooner because of an event (an event's visit is never pushed back by a sync).
    /// </summary>
    public static NextVisit Resync(NextVisit? stored, RiskTier tier, DateTime lastVisitOrJoined)
    {
        var routine = Routine(tier, lastVisitOrJoined);
        return stored is { Reason: not DueReason.Routine } e && e.DueAt < routine.DueAt ? e : routine;
    }

    /// <summary>The visit an event calls for: due within 24 hours of <paramref name="now"/>, counting from now.</summary>
    public static NextVisit ForEvent(DueReason reason, DateTime now) => new(now + EventDeadline, now, now + EventDeadline, reason);

    /// <summary>Missed: the window ended without a visit.</summary>
    public static bool IsOverdue(DateTime windowEnd, DateTime now) => now > windowEnd;

    /// <summary>Who chases a missed visit: nobody yet (not overdue), the community, or — a week past the window — the street.</summary>
    public static Escalation EscalationOf(DateTime windowEnd, DateTime now) =>
        !IsOverdue(windowEnd, now) ? Escalation.None : now > windowEnd + StreetAfter ? Escalation.Street : Escalation.Community;
}

/// <summary>Where a missed visit has been escalated to.</summary>
internal enum Escalation { None = 0, Community = 1, Street = 2 }
