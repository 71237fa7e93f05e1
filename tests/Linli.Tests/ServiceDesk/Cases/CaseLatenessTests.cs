using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>
/// The lateness rules without a database: the query forms (which EF translates, so they spell the stopped states out)
/// say what <see cref="CaseTransitions.ClockStopped"/> and the row form say, for every state, due time and overdue mark.
/// </summary>
public sealed class CaseLatenessTests
{
    private static readonly DateTime Now = new(2026, 11, 10, 1, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Soon = Now.AddDays(3);
    private static readonly DateTime?[] DueTimes = [null, Now.AddDays(-1), Now, Now.AddDays(1), Soon, Soon.AddDays(1)];

    private static IEnumerable<ServiceCase> EveryCase() =>
        from state in Enum.GetValues<CaseState>()
        from due in DueTimes
        from overdue in new[] { false, true }
        select Case(state, due, overdue);

    private static ServiceCase Case(CaseState state, DateTime? due, bool overdue) => new()
    {
        Number = "20261201000001", State = state, DueAt = due, IsOverdue = overdue, ApplicantName = "张三", ApplicantIdCipher = [], ApplicantIdHash = [],
        ApplicantIdMasked = "2101**************", AcceptingCommunityCode = "210124100201", HomeCommunityCode = "210102001002", DepartmentCode = "civil",
        OwnerUserId = "owner", OwnerName = "owner",
    };

    [Fact]
    public void The_overdue_filter_and_the_row_rule_agree_and_a_stopped_clock_is_never_late()
    {
        var isLate = CaseLateness.IsLate(Now).Compile();
        foreach (var c in EveryCase())
        {
            Assert.Equal(CaseLateness.IsLate(c.State, c.DueAt, c.IsOverdue, Now), isLate(c));
            if (CaseTransitions.ClockStopped(c.State)) Assert.False(isLate(c), $"{c.State} is late");
        }
        Assert.True(isLate(Case(CaseState.UnderReview, Now.AddDays(-1), false)));
        Assert.True(isLate(Case(CaseState.Accepted, Now.AddDays(1), true)));
    }

    [Fact]
    public void Due_soon_is_a_running_clock_not_yet_late_due_between_now_and_the_horizon()
    {
        var soon = CaseLateness.IsDueSoon(Now, Soon).Compile();
        var isLate = CaseLateness.IsLate(Now).Compile();
        foreach (var c in EveryCase())
        {
            var expected = c.DueAt is { } due && !CaseTransitions.ClockStopped(c.State) && !c.IsOverdue && due >= Now && due <= Soon;
            Assert.Equal(expected, soon(c));
            // A case is never both late and due soon (due exactly now is soon, not yet late).
            Assert.False(soon(c) && isLate(c), $"{c.State} due {c.DueAt} is both");
        }
    }
}
