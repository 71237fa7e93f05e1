using System.Runtime.CompilerServices;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Export;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Linli.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Features.ListCases;

/// <summary>
/// The case list as a file: the same filters and order as the list on screen (<see cref="CaseList.FilteredAsync"/>, newest
/// 收件 first), read in keyset batches, with Chinese labels for state, item, mode and communities. The applicant's name is
/// masked: a file leaves the platform.
/// </summary>
internal static class CaseExport
{
    public const int BatchSize = 1_000;
    public const string Title = "办件清单";

    public static readonly IReadOnlyList<string> Headers =
        ["办件编号", "收件时间（北京时间）", "状态", "办理事项", "申请人", "办理方式", "受理社区", "户籍社区", "首问负责人", "办结时限（北京时间）", "是否超期"];

    internal sealed record Row(long Id, string Number, CaseState State, long ItemId, string ApplicantName, HandlingModes Mode, string AcceptingCommunityCode,
        string HomeCommunityCode, string OwnerName, DateTime ReceivedAt, DateTime? DueAt, bool IsOverdue);

    /// <summary>Every row of the filtered list, batch after batch: "rows received before the last one", never an offset.</summary>
    public static IAsyncEnumerable<List<Row>> BatchesAsync(IQueryable<ServiceCase> filtered, int batchSize, CancellationToken ct) =>
        KeysetBatches.ReadAsync<Row>(last => Batch(filtered, last, batchSize), batchSize, ct);

    private static IQueryable<Row> Batch(IQueryable<ServiceCase> filtered, Row? last, int batchSize)
    {
        var query = filtered;
        if (last is not null)
        {
            var (at, id) = (last.ReceivedAt, last.Id);
            query = query.Where(c => c.ReceivedAt < at || (c.ReceivedAt == at && c.Id < id));
        }
        return query.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).TakeLiteral(batchSize)
            .Select(c => new Row(c.Id, c.Number, c.State, c.ItemId, c.ApplicantName, c.Mode, c.AcceptingCommunityCode, c.HomeCommunityCode, c.OwnerName,
                c.ReceivedAt, c.DueAt, c.IsOverdue));
    }

    /// <summary>The filters in words, for the title row and the export's audit entry (never a personal number).</summary>
    public static string Describe(CaseFilter filter)
    {
        var parts = new List<string>();
        if (filter.State is { } s) parts.Add("状态=" + CaseLabels.State(s));
        if (!string.IsNullOrWhiteSpace(filter.Item)) parts.Add("事项=" + filter.Item.Trim());
        if (filter.Mode is { } m) parts.Add("办理方式=" + CaseLabels.Mode(m));
        if (filter.Due?.Trim().ToLowerInvariant() is "soon") parts.Add("即将到期");
        if (filter.Due?.Trim().ToLowerInvariant() is "overdue") parts.Add("已超期");
        if (filter.From is { } from) parts.Add($"收件自 {from:yyyy-MM-dd}");
        if (filter.To is { } to) parts.Add($"收件至 {to:yyyy-MM-dd}");
        if (!string.IsNullOrWhiteSpace(filter.Area)) parts.Add("区域=" + filter.Area.Trim());
        if (filter.Q?.Trim() is { Length: > 0 } q) parts.Add(q.All(char.IsAsciiDigit) ? "编号=" + q : "姓名以“" + q[..1] + "”开头");
        return parts.Count == 0 ? "无" : string.Join("；", parts);
    }

    public static async Task<IResult> FileAsync(CaseFilter filter, ExportFormat format, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<ServiceDeskDbContext>();
        var scope = services.GetRequiredService<IAreaScope>();
        var filtered = await services.GetRequiredService<CaseList>().FilteredAsync(filter, ct);
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var names = services.GetService<IRegionNames>();
        var table = new ExportTable(AuditSubjects.ServiceCase, Title, "service-cases", filter.Area?.Trim() is { Length: > 0 } area ? area : scope.RegionPrefix ?? "",
            Describe(filter), Headers, CellsAsync(BatchesAsync(filtered, BatchSize, ct), db, names, text, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, ct));
        return await services.GetRequiredService<TableExporter>().FileAsync(table, format, ct);
    }

    private static async IAsyncEnumerable<object?[]> CellsAsync(IAsyncEnumerable<List<Row>> batches, ServiceDeskDbContext db, IRegionNames? regions,
        IStringLocalizer<SharedResource> text, DateTime now, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = new Dictionary<long, string>();
        await foreach (var batch in batches.WithCancellation(ct))
        {
            var missing = batch.Select(r => r.ItemId).Distinct().Where(id => !items.ContainsKey(id)).ToList();
            if (missing.Count > 0)
                foreach (var (id, name) in await CaseNames.ItemsAsync(db, missing, ct)) items[id] = name;
            var communities = regions is null ? new Dictionary<string, string>()
                : await regions.NamesAsync(batch.SelectMany(r => new[] { r.AcceptingCommunityCode, r.HomeCommunityCode }).Distinct(), ct);
            foreach (var r in batch)
                yield return
                [
                    r.Number, Display.ChinaTime(r.ReceivedAt), text[CaseLabels.State(r.State).ToString()].Value, items.GetValueOrDefault(r.ItemId, ""),
                    Masking.Name(r.ApplicantName), text[CaseLabels.Mode(r.Mode).ToString()].Value,
                    communities.GetValueOrDefault(r.AcceptingCommunityCode, r.AcceptingCommunityCode), communities.GetValueOrDefault(r.HomeCommunityCode, r.HomeCommunityCode),
                    r.OwnerName, r.DueAt is { } due ? Display.ChinaTime(due) : "", text[CaseLateness.IsLate(r.State, r.DueAt, r.IsOverdue, now) ? "是" : "否"].Value,
                ];
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/export", (string? format, [AsParameters] CaseFilter filter, HttpContext http, CancellationToken ct) =>
                FileAsync(filter, ExportFormats.Parse(format), http, ct))
            .RequireRateLimiting(RateLimitPolicies.Export)
            .WithName("ExportServiceCases")
            .WithSummary("The case list in the caller's scope as an Excel workbook (format=xlsx, default) or CSV: the same filters and order as GET /api/service-cases, Chinese labels, the applicant's name masked, a title row; capped (Export:MaxRows) and audited.");
}

/// <summary>The names a case list shows beside its codes: the items' published (or latest) names.</summary>
internal static class CaseNames
{
    public static async Task<Dictionary<long, string>> ItemsAsync(ServiceDeskDbContext db, IReadOnlyCollection<long> itemIds, CancellationToken ct) =>
        await db.ServiceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
}
