using Linli.Modules.Care.Domain;
using Linli.Modules.Residents.Contracts;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Care;

/// <summary>The tier table and the visit plan, without a database.</summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed class CareRulesTests
{
    private static IReadOnlyList<CareRosterTag> Tags(params (PopulationTagKind Tag, int? Grade)[] tags) => tags.Select(t => new CareRosterTag(t.Tag, t.Grade)).ToList();
    private static IReadOnlyList<CareRosterTag> Tags(params PopulationTagKind[] tags) => tags.Select(t => new CareRosterTag(t, null)).ToList();

    private static readonly DateTime Noon = new(2026, 12, 4, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void An_elderly_resident_over_80_living_alone_is_high_risk_and_one_merely_living_alone_is_priority()
    {
        Assert.Equal(RiskTier.High, TierRules.FromTags(Tags(PopulationTagKind.Elderly60, PopulationTagKind.Elderly80, PopulationTagKind.LivingAlone)).Tier);
        Assert.Contains("alone-80", TierRules.FromTags(Tags(PopulationTagKind.Elderly80, PopulationTagKind.LivingAlone)).Reasons);
        Assert.Equal(RiskTier.Priority, TierRules.FromTags(Tags(PopulationTagKind.Elderly60, PopulationTagKind.LivingAlone)).Tier);
        Assert.Equal(RiskTier.Priority, TierRules.FromTags(Tags(PopulationTagKind.Elderly80)).Tier);
    }

    [Fact]
    public void Tekun_and_orphans_are_high_risk_whatever_else_they_carry()
    {
        Assert.Equal(RiskTier.High, TierRules.FromTags(Tags(PopulationTagKind.Tekun)).Tier);
        Assert.Equal(RiskTier.High, TierRules.FromTags(Tags(PopulationTagKind.Orphan, PopulationTagKind.Dibao)).Tier);
    }

    [Fact]
    public void The_disability_grade_decides_between_priority_and_general_and_living_alone_makes_a_severe_grade_high()
    {
        Assert.Equal(RiskTier.Priority, TierRules.FromTags(Tags((PopulationTagKind.Disabled, 1))).Tier);
        Assert.Equal(RiskTier.Priority, TierRules.FromTags(Tags((PopulationTagKind.Disabled, 2))).Tier);
        Assert.Equal(RiskTier.General, TierRules.FromTags(Tags((PopulationTagKind.Disabled, 3))).Tier);
        Assert.Equal(RiskTier.General, TierRules.FromTags(Tags((PopulationTagKind.Disabled, 4))).Tier);
        Assert.Equal(RiskTier.High, TierRules.FromTags(Tags((PopulationTagKind.Disabled, 2), (PopulationTagKind.LivingAlone, null))).Tier);
    }

    [Fact]
    public void Dibao_veterans_and_left_behind_children_have_their_tiers()
    {
        Assert.Equal(RiskTier.General, TierRules.FromTags(Tags(PopulationTagKind.Dibao)).Tier);
        Assert.Equal(RiskTier.General, TierRules.FromTags(Tags(PopulationTagKind.Veteran)).Tier);
        Assert.Equal(RiskTier.Priority, TierRules.FromTags(Tags(PopulationTagKind.LeftBehindChild)).Tier);
        Assert.Empty(TierRules.FromTags(Tags(PopulationTagKind.Elderly60)).Reasons);
    }

    [Fact]
    public void The_last_visits_findings_raise_the_tier_but_never_lower_it()
    {
        Assert.Equal(RiskTier.High, TierRules.FromFindings(new Findings(Condition.Poor, Condition.Good, Safety.Safe, Need.None)));
        Assert.Equal(RiskTier.High, TierRules.FromFindings(new Findings(Condition.Good, Condition.Good, Safety.Danger, Need.None)));
        Assert.Equal(RiskTier.High, TierRules.FromFindings(new Findings(Condition.Good, Condition.Good, Safety.Safe, Need.Urgent)));
        Assert.Equal(RiskTier.Priority, TierRules.FromFindings(new Findings(Condition.Good, Condition.Good, Safety.Safe, Need.NeedsHelp)));
        Assert.Equal(RiskTier.Priority, TierRules.FromFindings(new Findings(Condition.Fair, Condition.Poor, Safety.Safe, Need.None)));
        Assert.Null(TierRules.FromFindings(new Findings(Condition.Fair, Condition.Fair, Safety.Safe, Need.None)));

        Assert.Equal(RiskTier.High, TierRules.Effective(RiskTier.High, null, null));
        Assert.Equal(RiskTier.Priority, TierRules.Effective(RiskTier.General, RiskTier.Priority, null));
        Assert.Equal(RiskTier.High, TierRules.Effective(RiskTier.General, RiskTier.Priority, RiskTier.High));
        Assert.Equal(RiskTier.High, TierRules.Effective(RiskTier.High, RiskTier.Priority, null));
    }

    [Fact]
    public void High_risk_is_visited_weekly_priority_monthly_and_general_quarterly_each_with_a_window()
    {
        var high = VisitPlan.Routine(RiskTier.High, Noon);
        Assert.Equal(Noon.AddDays(7), high.DueAt);
        Assert.True(high.WindowStart < high.DueAt && high.DueAt < high.WindowEnd);
        Assert.Equal(Noon.AddMonths(1), VisitPlan.Routine(RiskTier.Priority, Noon).DueAt);
        Assert.Equal(Noon.AddMonths(3), VisitPlan.Routine(RiskTier.General, Noon).DueAt);
        Assert.Equal(DueReason.Routine, high.Reason);
        Assert.Equal(VisitMethod.Home, VisitPlan.For(RiskTier.High).Method);
        Assert.Equal(VisitMethod.Phone, VisitPlan.For(RiskTier.General).Method);
    }

    [Fact]
    public void An_events_visit_is_due_within_24_hours_and_a_sync_does_not_push_it_back()
    {
        var e = VisitPlan.ForEvent(DueReason.HospitalStay, Noon);
        Assert.Equal(Noon.AddHours(24), e.DueAt);
        Assert.Equal(Noon, e.WindowStart);
        Assert.Equal(Noon.AddHours(24), e.WindowEnd);
        Assert.Equal(e, VisitPlan.Resync(e, RiskTier.General, Noon));
        // Once the routine visit is sooner than the event's (a later sync after a visit), the routine one stands.
        var routine = VisitPlan.Resync(e with { DueAt = Noon.AddDays(30) }, RiskTier.High, Noon);
        Assert.Equal(DueReason.Routine, routine.Reason);
        Assert.Equal(Noon.AddDays(7), routine.DueAt);
    }

    [Fact]
    public void A_missed_visit_escalates_to_the_community_after_its_window_and_to_the_street_a_week_later()
    {
        var end = Noon;
        Assert.Equal(Escalation.None, VisitPlan.EscalationOf(end, Noon));
        Assert.Equal(Escalation.Community, VisitPlan.EscalationOf(end, Noon.AddHours(1)));
        Assert.Equal(Escalation.Community, VisitPlan.EscalationOf(end, Noon.AddDays(7)));
        Assert.Equal(Escalation.Street, VisitPlan.EscalationOf(end, Noon.AddDays(7).AddMinutes(1)));
    }
}
