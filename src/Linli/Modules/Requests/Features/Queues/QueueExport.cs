using System.Runtime.CompilerServices;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Pages;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Export;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.RateLimiting;
using Linli.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Features.Queues;

/// <summary>
/// A queue as a file: the same filters and order as the list on screen (<see cref="TicketQueues.Narrowed"/>,
/// <see cref="TicketQueues.Order"/>), read in keyset batches — each batch is "the rows ordered after the last one", never
/// an offset and never the whole queue at once — with Chinese labels for state, urgency and category.
/// </summary>
internal static class QueueExport
{
    public const int BatchSize = 1_000;
    public const string Title = "工单队列";

    public static readonly IReadOnlyList<string> Headers =
        ["工单编号", "受理时间（北京时间）", "状态", "紧急程度", "诉求分类", "发生地点（社区）", "承办单位", "时限（北京时间）", "是否超期", "是否督办", "问题描述"];

    internal sealed record Row(long Id, string Number, TicketState State, Urgency Urgency, int CategoryId, string CommunityCode, string? AssignedUnitCode,
        DateTime CreatedAt, DateTime? Due, bool IsOverdue, bool UnderSupervision, string Description);

    /// <summary>The batch after <paramref name="last"/> (the first batch when null), in the queue's order: a keyset condition, no offset.</summary>
    public static IQueryable<Row> Batch(IQueryable<Ticket> narrowed, QueueSort sort, Row? last, int size)
    {
        if (last is not null) narrowed = narrowed.Where(After(sort, last));
        return TicketQueues.Order(narrowed, sort).TakeLiteral(size).Select(t => new Row(t.Id, t.Number, t.State, t.Urgency, t.CategoryId, t.CommunityCode,
            t.AssignedUnitCode, t.CreatedAt, t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt, t.IsOverdue, t.UnderSupervision, t.Description));
    }

    /// <summary>Every row of the narrowed queue, batch by batch.</summary>
    public static IAsyncEnumerable<List<Row>> BatchesAsync(IQueryable<Ticket> narrowed, QueueSort sort, int batchSize, CancellationToken cancellationToken) =>
        KeysetBatches.ReadAsync<Row>(last => Batch(narrowed, sort, last, batchSize), batchSize, cancellationToken);

    // "After the last row" in each order; the running deadline is null last (TicketQueues.Order), the id breaks ties.
    private static System.Linq.Expressions.Expression<Func<Ticket, bool>> After(QueueSort sort, Row last)
    {
        var id = last.Id;
        var created = last.CreatedAt;
        var urgency = last.Urgency;
        if (sort == QueueSort.Created) return t => t.CreatedAt > created || (t.CreatedAt == created && t.Id > id);
        if (last.Due is { } due)
            return sort == QueueSort.Urgency
                ? t => t.Urgency < urgency || (t.Urgency == urgency
                       && ((t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == null
                           || (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) > due
                           || ((t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == due && t.Id > id)))
                : t => (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == null
                       || (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) > due
                       || ((t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == due && t.Id > id);
        return sort == QueueSort.Urgency
            ? t => t.Urgency < urgency || (t.Urgency == urgency && (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == null && t.Id > id)
            : t => (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == null && t.Id > id;
    }

    /// <summary>The filters in words, for the title row and the export's audit entry.</summary>
    public static string Describe(QueueFilter filter, CategoryTree tree)
    {
        var parts = new List<string>();
        if (filter.CategoryId is { } c) parts.Add("分类=" + tree.PathOf(c));
        if (filter.Urgency is { } u) parts.Add("紧急程度=" + RequestLabels.Of(u));
        if (filter.DueFrom is { } from) parts.Add($"到期自 {from:yyyy-MM-dd}");
        if (filter.DueTo is { } to) parts.Add($"到期至 {to:yyyy-MM-dd}");
        if (filter.Number is { } n) parts.Add("编号=" + n);
        else if (filter.Words is { } w) parts.Add("描述含“" + w + "”");
        parts.Add("排序=" + (filter.Sort switch { QueueSort.Due => "按到期时间", QueueSort.Urgency => "紧急优先", QueueSort.Created => "按受理时间", _ => "默认" }));
        return string.Join("；", parts);
    }

    public static async Task<IResult> FileAsync(Queue queue, QueueFilter filter, ExportFormat format, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<RequestsDbContext>();
        var scope = services.GetRequiredService<IAreaScope>();
        var actor = Actor.From(http.User, scope);
        if (!TicketQueues.For(actor).Contains(queue)) throw Platform.Errors.ValidationFailedException.For("queue", "没有这个队列。");
        var tree = (await services.GetRequiredService<CategoryCatalog>().GetAsync(ct)).Tree;
        var leaves = filter.CategoryLeaves(tree);
        var sort = filter.Sort ?? TicketQueues.DefaultSort(queue);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var narrowed = TicketQueues.Narrowed(db, actor, queue, now, filter, leaves);
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var units = services.GetRequiredService<UnitNames>();
        var table = new ExportTable(AuditSubjects.Ticket, Title, "queue-" + queue.ToString().ToLowerInvariant(),
            scope.RegionPrefix ?? "", "队列=" + RequestLabels.Of(queue) + "；" + Describe(filter with { Sort = sort }, tree), Headers, CellsAsync(BatchesAsync(narrowed, sort, BatchSize, ct), tree, units, text, ct))
        {
            AreaLabel = scope.DepartmentCode is { } department ? await units.NameAsync(department, ct) : null,
        };
        return await services.GetRequiredService<TableExporter>().FileAsync(table, format, ct);
    }

    private static async IAsyncEnumerable<object?[]> CellsAsync(IAsyncEnumerable<List<Row>> batches, CategoryTree tree, UnitNames units,
        IStringLocalizer<SharedResource> text, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in batches.WithCancellation(ct))
        {
            // The batch's communities and units named in one query.
            var names = await units.NamesAsync(batch.SelectMany(t => new[] { t.CommunityCode, t.AssignedUnitCode }), ct);
            foreach (var t in batch)
                yield return
                [
                    t.Number, Display.ChinaTime(t.CreatedAt), text[RequestLabels.Of(t.State)].Value, text[RequestLabels.Of(t.Urgency)].Value, tree.PathOf(t.CategoryId),
                    names.GetValueOrDefault(t.CommunityCode, t.CommunityCode), t.AssignedUnitCode is { } u ? names.GetValueOrDefault(u, u) : "",
                    t.Due is { } due ? Display.ChinaTime(due) : "", text[t.IsOverdue ? "是" : "否"].Value, text[t.UnderSupervision ? "是" : "否"].Value, t.Description,
                ];
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/queues/{queue}/export", (Queue queue, string? format, int? categoryId, Urgency? urgency, DateOnly? dueFrom, DateOnly? dueTo,
                string? text, QueueSort? sort, HttpContext http, CancellationToken ct) =>
                FileAsync(queue, new QueueFilter(categoryId, urgency, dueFrom, dueTo, text, sort), ExportFormats.Parse(format), http, ct))
            .RequireRateLimiting(RateLimitPolicies.Export)
            .WithName("ExportTicketQueue")
            .WithSummary("A work list of the caller's unit as an Excel workbook (format=xlsx, default) or CSV: the same filters and order as GET /api/requests/queues/{queue}, Chinese labels, a title row; capped (Export:MaxRows, 400 beyond) and audited.");
}
