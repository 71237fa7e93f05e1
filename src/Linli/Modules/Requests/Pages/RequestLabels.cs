using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Queues;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Pages;

/// <summary>The Chinese names (keys of the shared localizer) of the Requests enums, as the pages show them.</summary>
internal static partial class RequestLabels
{
    public static readonly IReadOnlyDictionary<TicketState, string> States = new Dictionary<TicketState, string>
    {
        [TicketState.Received] = "已受理", [TicketState.Dispatched] = "已派单", [TicketState.Returned] = "已退单", [TicketState.InProgress] = "办理中",
        [TicketState.Suspended] = "已挂起", [TicketState.Replied] = "已答复", [TicketState.Closed] = "已办结", [TicketState.Merged] = "已并单",
    };

    public static readonly IReadOnlyDictionary<Channel, string> Channels = new Dictionary<Channel, string>
    {
        [Channel.Hotline] = "12345热线", [Channel.Web] = "网站", [Channel.MiniProgram] = "小程序", [Channel.GridPatrol] = "网格巡查", [Channel.Open311] = "Open311", [Channel.Proactive] = "主动发现",
    };

    public static readonly IReadOnlyDictionary<Urgency, string> Urgencies = new Dictionary<Urgency, string>
    {
        [Urgency.Normal] = "一般", [Urgency.Urgent] = "紧急",
    };

    public static readonly IReadOnlyDictionary<Rating, string> Ratings = new Dictionary<Rating, string>
    {
        [Rating.Satisfied] = "满意", [Rating.BasicallySatisfied] = "基本满意", [Rating.Dissatisfied] = "不满意",
    };

    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        [nameof(TicketActionKind.File)] = "受理", [nameof(TicketActionKind.Dispatch)] = "派单", [nameof(TicketActionKind.Sign)] = "签收",
        [nameof(TicketActionKind.Return)] = "退单", [nameof(TicketActionKind.AddCoHandlers)] = "加派", [nameof(TicketActionKind.RequestExtension)] = "申请延期",
        [nameof(TicketActionKind.ApproveExtension)] = "批准延期", [nameof(TicketActionKind.RefuseExtension)] = "驳回延期", [nameof(TicketActionKind.Suspend)] = "挂起",
        [nameof(TicketActionKind.Resume)] = "解挂", [nameof(TicketActionKind.Whistle)] = "吹哨", [nameof(TicketActionKind.ReportIn)] = "报到",
        [nameof(TicketActionKind.Reply)] = "答复", [nameof(TicketActionKind.Evaluate)] = "评价", [nameof(TicketActionKind.Reopen)] = "重办（督办）",
        [nameof(TicketActionKind.Close)] = "办结", [nameof(TicketActionKind.AnswerDirectly)] = "直接答复", [nameof(TicketActionKind.Merge)] = "并单",
        [nameof(TicketActionKind.Overdue)] = "超期", [nameof(TicketActionKind.Comment)] = "群众补充",
        [nameof(TicketActionKind.WithdrawSummons)] = "撤回召集",
        [nameof(TicketActionKind.ReportInOnBehalf)] = "代为报到", [nameof(TicketActionKind.ChangeCategory)] = "修改分类",
        [nameof(TicketActionKind.RouteToCommunity)] = "派至本社区",
    };

    public static readonly IReadOnlyDictionary<string, string> UnitRoles = new Dictionary<string, string>
    {
        [nameof(UnitRole.Lead)] = "主办", [nameof(UnitRole.CoHandler)] = "协办", [nameof(UnitRole.Summoned)] = "吹哨召集",
    };

    public static readonly IReadOnlyDictionary<Queue, string> Queues = new Dictionary<Queue, string>
    {
        [Queue.ToDispatch] = "待派单", [Queue.ToSign] = "待签收", [Queue.InProgress] = "办理中", [Queue.DueSoon] = "即将到期",
        [Queue.Overdue] = "已超期", [Queue.ToReportIn] = "待报到", [Queue.ToVisit] = "待回访", [Queue.Escalated] = "吹哨超时",
    };

    public static string Of(TicketState state) => States[state];
    public static string Of(Channel channel) => Channels[channel];
    public static string Of(Urgency urgency) => Urgencies[urgency];
    public static string Of(Rating rating) => Ratings[rating];
    public static string Of(Queue queue) => Queues[queue];
    public static string Action(string action) => Actions.TryGetValue(action, out var label) ? label : action;
    public static string Role(string role) => UnitRoles.TryGetValue(role, out var label) ? label : role;

    /// <summary>The name a history shows for an action nobody took by hand (timers, default rules): <see cref="Actor.System"/>.</summary>
    public const string SystemName = "系统";

    /// <summary>Who acted, as a page shows it: the system by <see cref="SystemName"/> in the reader's language, a person by their user name.</summary>
    public static string? Who(string? userName, IStringLocalizer text) => userName == Actor.System.UserName ? text[SystemName].Value : userName;

    /// <summary>
    /// A verdict's opinion as a page shows it: the domain records the rating by its enum name after the resident's words
    /// (TicketSteps.Evaluate), and a page shows the rating's label in its language instead.
    /// </summary>
    public static string? Verdict(string? opinion, Func<string, string> translate) =>
        opinion is null ? null : RatingName().Replace(opinion, m => translate(Of(Enum.Parse<Rating>(m.Value))));

    /// <summary>
    /// A whistle's opinion as a page shows it: the domain records the summoned departments by their codes after the
    /// opinion (TicketSteps.Whistle); a page names them as the ticket's units are named.
    /// </summary>
    public static string? Summoned(string? opinion, IReadOnlyDictionary<string, string> unitNames) =>
        opinion is null ? null : UnitCode().Replace(opinion, m => unitNames.GetValueOrDefault(m.Value, m.Value));

    /// <summary>The department codes a whistle's opinion names, to look their names up.</summary>
    public static IEnumerable<string> SummonedCodes(string? opinion) =>
        opinion is null ? [] : UnitCode().Matches(opinion).Select(m => m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![A-Za-z0-9_])[a-z][a-z_]*(?![A-Za-z0-9_])")]
    private static partial System.Text.RegularExpressions.Regex UnitCode();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:BasicallySatisfied|Satisfied|Dissatisfied)\b")]
    private static partial System.Text.RegularExpressions.Regex RatingName();

    /// <summary>Every key above, for the translation test.</summary>
    public static IEnumerable<string> All => States.Values.Concat(Channels.Values).Concat(Urgencies.Values).Concat(Ratings.Values)
        .Concat(Actions.Values).Concat(UnitRoles.Values).Concat(Queues.Values).Append(SystemName);
}
