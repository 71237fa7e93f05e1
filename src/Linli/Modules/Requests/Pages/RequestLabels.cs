using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Queues;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Pages;

/// <summary>The Chinese names (keys of the shared localizer) of the Requests enums, as the pages show them.</summary>
internal static class RequestLabels
{
    public static readonly IReadOnlyDictionary<TicketState, string> States = new Dictionary<TicketState, string>
    {
        [TicketState.Received] = "已受理", [TicketState.Dispatched] = "已派单", [TicketState.Returned] = "已退单", [TicketState.InProgress] = "办理中",
        [TicketState.Suspended] = "已挂起", [TicketState.Replied] = "已答复", [TicketState.Closed] = "已办结", [TicketState.Merged] = "已并单",
    };

    public static readonly IReadOnlyDictionary<Channel, string> Channels = new Dictionary<Channel, string>
    {
        [Channel.Hotline] = "12345热线", [Channel.Web] = "网站", [Channel.MiniProgram] = "小程序", [Channel.GridPatrol] = "网格巡查", [Channel.Open311] = "Open311",
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

    /// <summary>Every key above, for the translation test.</summary>
    public static IEnumerable<string> All => States.Values.Concat(Channels.Values).Concat(Urgencies.Values).Concat(Ratings.Values)
        .Concat(Actions.Values).Concat(UnitRoles.Values).Concat(Queues.Values);
}

/// <summary>Names for the unit codes a page shows: departments by the directory, regions by the tree, "centre" as the 12345 centre.</summary>
internal sealed class UnitNames(IDepartmentDirectory departments, IRegionDirectory regions)
{
    private Dictionary<string, string>? _departments;
    private readonly Dictionary<string, string> _regions = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(CancellationToken ct) =>
        (await departments.ListAsync(cancellationToken: ct)).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    public async Task<string> NameAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code)) return "";
        if (code == "centre") return "12345";
        _departments ??= (await departments.ListAsync(includeInactive: true, ct)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        if (_departments.TryGetValue(code, out var name)) return name;
        if (Recipients.IsRegionCode(code))
        {
            if (_regions.TryGetValue(code, out var region)) return region;
            return _regions[code] = (await regions.FindAsync(code, ct))?.Name ?? code;
        }
        return code;
    }

    /// <summary>Names for many codes at once (a page of a list).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var distinct = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        // Region names the page has not seen yet, in one query; departments come from one cached list.
        var unknown = distinct.Where(c => Recipients.IsRegionCode(c) && !_regions.ContainsKey(c)).ToList();
        foreach (var (code, name) in await regions.NamesAsync(unknown, ct)) _regions[code] = name;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in distinct) result[code] = await NameAsync(code, ct);
        return result;
    }
}

internal static class CategoryPaths
{
    /// <summary>Fresh from the database, for the pages that change categories.</summary>
    public static async Task<CategoryTree> TreeAsync(RequestsDbContext db, CancellationToken ct) =>
        new(await db.Categories.AsNoTracking().ToListAsync(ct));

    /// <summary>From the cache, for the pages that only name categories.</summary>
    public static async Task<CategoryTree> TreeAsync(CategoryCatalog catalog, CancellationToken ct) => (await catalog.GetAsync(ct)).Tree;

    public static string PathOf(this CategoryTree tree, int id) => tree.Find(id) is { } c ? tree.PathOf(c) : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The leaves that take tickets, grouped by their first two levels, for a select with optgroups.</summary>
    public static IEnumerable<IGrouping<string, Category>> LeavesByParent(this CategoryTree tree) =>
        tree.All.Where(c => c.IsLeaf && !tree.IsRetired(c))
            .OrderBy(tree.PathOf, StringComparer.Ordinal)
            .GroupBy(c => c.ParentId is { } p && tree.Find(p) is { } parent ? tree.PathOf(parent) : "");
}
