namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>Steps an item may need that do not count toward its time limit (不计时环节): the clock stops while they run.</summary>
[Flags]
internal enum NonCountingSteps
{
    None = 0,
    /// <summary>公示.</summary>
    PublicNotice = 1,
    /// <summary>鉴定 (e.g. disability assessment).</summary>
    Assessment = 2,
    /// <summary>听证.</summary>
    Hearing = 4,
    /// <summary>检验检测.</summary>
    Inspection = 8,
    /// <summary>专家评审.</summary>
    ExpertReview = 16,
    /// <summary>入户调查 (household means check).</summary>
    HouseholdSurvey = 32,
}
