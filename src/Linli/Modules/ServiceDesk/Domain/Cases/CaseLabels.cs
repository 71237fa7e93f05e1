using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>The Chinese names of states, actions, modes and levels, as phrases (the English is in SharedResource.en.resx): pages and messages never show raw enum names.</summary>
internal static class CaseLabels
{
    public static Phrase State(CaseState state) => new(state switch
    {
        CaseState.Received => "已收件",
        CaseState.AwaitingCompletion => "待补正",
        CaseState.Accepted => "已受理",
        CaseState.NotAccepted => "不予受理",
        CaseState.Forwarded => "已转办",
        CaseState.UnderReview => "审查中",
        CaseState.Suspended => "已中止",
        CaseState.Approved => "已办结（准予）",
        CaseState.Rejected => "已办结（不予）",
        CaseState.HandedOver => "已出件",
        _ => "未知状态",
    });

    /// <summary>What happens next, as the public tracking page tells the applicant.</summary>
    public static Phrase NextStep(CaseState state) => new(state switch
    {
        CaseState.Received => "窗口核对申请材料",
        CaseState.AwaitingCompletion => "请按一次告知书补齐材料后到窗口提交",
        CaseState.Accepted => "转送审批部门审查",
        CaseState.NotAccepted => "办理结束（不予受理）",
        CaseState.Forwarded => "审批部门审查",
        CaseState.UnderReview => "审查后作出办理决定",
        CaseState.Suspended => "不计时环节结束后继续审查",
        CaseState.Approved or CaseState.Rejected => "领取办理结果",
        CaseState.HandedOver => "办理完毕，欢迎评价",
        _ => "未知",
    });

    public static Phrase Action(CaseAction action) => new(action switch
    {
        CaseAction.Notice => "一次告知",
        CaseAction.Complete => "补正材料",
        CaseAction.Accept => "受理",
        CaseAction.Refuse => "不予受理",
        CaseAction.AcceptByLaw => "逾期视为受理",
        CaseAction.Forward => "转办",
        CaseAction.Review => "开始审查",
        CaseAction.Suspend => "中止",
        CaseAction.Resume => "恢复",
        CaseAction.Extend => "申请延期",
        CaseAction.DecideExtension => "审批延期",
        CaseAction.Approve => "办结（准予）",
        CaseAction.Reject => "办结（不予）",
        CaseAction.HandOver => "出件",
        CaseAction.Proxy => "代办",
        CaseAction.HomeVisit => "上门服务",
        _ => "未知操作",
    });

    public static Phrase Mode(HandlingModes mode) => new(mode switch
    {
        HandlingModes.Window => "窗口办",
        HandlingModes.Proxy => "代办",
        HandlingModes.DoorToDoor => "上门办",
        HandlingModes.Appointment => "预约办",
        HandlingModes.SelfService => "自助办",
        HandlingModes.Online => "网上办",
        _ => "未知方式",
    });

    public static Phrase Level(RatingLevel level) => new(level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.FairlySatisfied => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        RatingLevel.VeryDissatisfied => "非常不满意",
        _ => "未知评价",
    });

    /// <summary>The stage a rating belongs to (RateCaseEndpoints.StageOf): 收件, 受理 or 办结.</summary>
    public static Phrase Stage(CaseState stage) => new(stage switch
    {
        CaseState.Received => "收件",
        CaseState.Accepted => "受理",
        _ => "办结",
    });

    public static Phrase FollowUp(FollowUpStatus status) => new(status switch
    {
        FollowUpStatus.Pending => "待回访",
        FollowUpStatus.Done => "已回访",
        FollowUpStatus.Overdue => "回访超期",
        _ => "无需回访",
    });

    public static Phrase Material(MaterialStatus status) => new(status switch
    {
        MaterialStatus.Received => "已收取",
        MaterialStatus.Missing => "缺少",
        MaterialStatus.Defective => "不符合要求",
        MaterialStatus.Deferred => "容缺后补",
        MaterialStatus.Supplied => "免提交（平台调取）",
        MaterialStatus.NotNeeded => "不适用",
        _ => "未知",
    });
}
