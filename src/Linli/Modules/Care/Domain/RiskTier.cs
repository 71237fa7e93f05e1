namespace Linli.Modules.Care.Domain;

/// <summary>
/// How closely a resident on the roster is watched (the ten-ministry guidance on visiting vulnerable elderly, 2022):
/// the higher the tier, the more often they are visited. Ordered, so the higher of two tiers is their maximum.
/// </summary>
internal enum RiskTier
{
    /// <summary>一般: visited quarterly.</summary>
    General = 1,
    /// <summary>重点: visited monthly.</summary>
    Priority = 2,
    /// <summary>高风险: visited weekly, and within 24 hours of a major change.</summary>
    High = 3,
}

/// <summary>How a visit was made (探访方式).</summary>
internal enum VisitMethod
{
    /// <summary>上门.</summary>
    Home = 1,
    /// <summary>电话.</summary>
    Phone = 2,
    /// <summary>视频.</summary>
    Video = 3,
    /// <summary>邻里代访: a neighbour looked in.</summary>
    Neighbour = 4,
}

/// <summary>Health and living conditions as the visitor found them.</summary>
internal enum Condition { Good = 1, Fair = 2, Poor = 3 }

/// <summary>Safety at home (gas, fire, falls, heating) as the visitor found it.</summary>
internal enum Safety { Safe = 1, Concern = 2, Danger = 3 }

/// <summary>What the resident needs: nothing, help (a follow-up ticket), or urgent help (an urgent ticket).</summary>
internal enum Need { None = 1, NeedsHelp = 2, Urgent = 3 }

/// <summary>Why the next visit is due when it is.</summary>
internal enum DueReason
{
    /// <summary>By the tier's frequency, from the last visit (or from joining the roster).</summary>
    Routine = 1,
    /// <summary>住院: a hospital stay was reported.</summary>
    HospitalStay = 2,
    /// <summary>照料人去世: the resident's carer died.</summary>
    CarerDied = 3,
    /// <summary>寒潮: a winter cold spell was declared for the district.</summary>
    ColdSpell = 4,
}

/// <summary>A visit's findings in short structured form (free text besides).</summary>
internal sealed record Findings(Condition Health, Condition Living, Safety Safety, Need Needs);
