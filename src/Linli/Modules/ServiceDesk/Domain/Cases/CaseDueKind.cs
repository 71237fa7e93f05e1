namespace Linli.Modules.ServiceDesk.Domain.Cases;

internal enum CaseDueKind
{
    /// <summary>5 working days from 收件 to issue a one-time notice; when it passes unmet the case counts as accepted from 收件.</summary>
    NoticeWindow = 1,
    /// <summary>The promised time limit (承诺时限) from 收件, stopped while waiting for completion and while suspended.</summary>
    Limit = 2,
    /// <summary>A 差评's follow-up (整改回访).</summary>
    FollowUp = 3,
}
