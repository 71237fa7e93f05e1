using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.Care.Domain;

/// <summary>One rule of the tier table: a name (shown as the reason for the tier), the tier, and what of the tags it needs.</summary>
internal sealed record TierRule(string Code, string Label, RiskTier Tier, Func<IReadOnlyList<CareRosterTag>, bool> Applies);

/// <summary>A resident's tier and the rules that gave it (the tags' rules, the last visit's findings, a worker's raise).</summary>
internal sealed record TierDecision(RiskTier Tier, IReadOnlyList<string> Reasons);

/// <summary>
/// The risk tier from the population tags and the last visit's findings: the highest tier of every rule that applies. The
/// table is the one home of these rules (the sync job, the visit record and the tests use it); no database.
/// </summary>
internal static class TierRules
{
    private static bool Has(IReadOnlyList<CareRosterTag> tags, PopulationTagKind kind) => tags.Any(t => t.Tag == kind);

    private static bool SeverelyDisabled(IReadOnlyList<CareRosterTag> tags) => tags.Any(t => t.Tag == PopulationTagKind.Disabled && t.Grade is 1 or 2);

    public static IReadOnlyList<TierRule> Table { get; } =
    [
        new("tekun", "特困供养人员", RiskTier.High, t => Has(t, PopulationTagKind.Tekun)),
        new("orphan", "孤儿", RiskTier.High, t => Has(t, PopulationTagKind.Orphan)),
        new("alone-80", "80 岁以上独居老人", RiskTier.High, t => Has(t, PopulationTagKind.LivingAlone) && Has(t, PopulationTagKind.Elderly80)),
        new("alone-severely-disabled", "独居的一、二级残疾人", RiskTier.High, t => Has(t, PopulationTagKind.LivingAlone) && SeverelyDisabled(t)),
        new("alone", "独居老人", RiskTier.Priority, t => Has(t, PopulationTagKind.LivingAlone)),
        new("80", "80 岁以上高龄老人", RiskTier.Priority, t => Has(t, PopulationTagKind.Elderly80)),
        new("severely-disabled", "一、二级残疾人", RiskTier.Priority, SeverelyDisabled),
        new("left-behind", "留守儿童", RiskTier.Priority, t => Has(t, PopulationTagKind.LeftBehindChild)),
        new("disabled", "三、四级残疾人", RiskTier.General, t => Has(t, PopulationTagKind.Disabled)),
        new("dibao", "低保对象", RiskTier.General, t => Has(t, PopulationTagKind.Dibao)),
        new("veteran", "退役军人", RiskTier.General, t => Has(t, PopulationTagKind.Veteran)),
    ];

    /// <summary>The tier the tags alone give (General for anyone on the roster no rule names).</summary>
    public static TierDecision FromTags(IReadOnlyList<CareRosterTag> tags)
    {
        var applied = Table.Where(r => r.Applies(tags)).ToList();
        return applied.Count == 0
            ? new TierDecision(RiskTier.General, [])
            : new TierDecision(applied.Max(r => r.Tier), applied.Select(r => r.Code).ToList());
    }

    /// <summary>
    /// The tier a visit's findings call for: danger at home, poor health or urgent need is high risk; concern for safety,
    /// poor living conditions or a need for help is priority; otherwise the findings raise nothing (null).
    /// </summary>
    public static RiskTier? FromFindings(Findings findings) =>
        findings.Safety == Safety.Danger || findings.Health == Condition.Poor || findings.Needs == Need.Urgent ? RiskTier.High
        : findings.Safety == Safety.Concern || findings.Living == Condition.Poor || findings.Needs == Need.NeedsHelp ? RiskTier.Priority
        : null;

    /// <summary>The tier in force: the highest of the tags' tier, the last findings' and a worker's raise.</summary>
    public static RiskTier Effective(RiskTier fromTags, RiskTier? fromFindings, RiskTier? raised) =>
        (RiskTier)Math.Max((int)fromTags, Math.Max((int)(fromFindings ?? RiskTier.General), (int)(raised ?? RiskTier.General)));
}
