using System.Runtime.CompilerServices;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Export;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.RateLimiting;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Features.ListRatings;

/// <summary>
/// The ratings list as a file: the same filters, scope and order as the list on screen (<see cref="RatingList.Filtered"/>,
/// newest first), read in keyset batches, with Chinese labels for stage, level, follow-up and communities.
/// </summary>
internal static class RatingExport
{
    public const int BatchSize = 1_000;
    public const string Title = "好差评清单";

    public static readonly IReadOnlyList<string> Headers =
        ["办件编号", "评价时间（北京时间）", "评价阶段", "评价等级", "是否差评", "评价内容", "受理社区", "回访状态", "回访时限（北京时间）", "回访时间（北京时间）", "回访整改情况", "回访评价"];

    public static IAsyncEnumerable<List<RatingRow>> BatchesAsync(IQueryable<RatingRow> filtered, int batchSize, CancellationToken ct) =>
        KeysetBatches.ReadAsync<RatingRow>(last => Batch(filtered, last, batchSize), batchSize, ct);

    private static IQueryable<RatingRow> Batch(IQueryable<RatingRow> filtered, RatingRow? last, int batchSize)
    {
        var query = filtered;
        if (last is not null)
        {
            var (at, id) = (last.RatedAt, last.Id);
            query = query.Where(r => r.RatedAt < at || (r.RatedAt == at && r.Id < id));
        }
        return query.OrderByDescending(r => r.RatedAt).ThenByDescending(r => r.Id).TakeLiteral(batchSize);
    }

    /// <summary>The filters in words, for the title row and the export's audit entry.</summary>
    public static string Describe(RatingFilter filter)
    {
        var parts = new List<string>();
        if (filter.Level is { } level) parts.Add("评价等级=" + CaseLabels.Level(level));
        if (filter.Poor == true) parts.Add("仅差评");
        if (filter.FollowUp is { } status) parts.Add("回访状态=" + CaseLabels.FollowUp(status));
        if (filter.From is { } from) parts.Add($"评价自 {from:yyyy-MM-dd}");
        if (filter.To is { } to) parts.Add($"评价至 {to:yyyy-MM-dd}");
        if (!string.IsNullOrWhiteSpace(filter.Community)) parts.Add("受理区域=" + filter.Community.Trim());
        return parts.Count == 0 ? "无" : string.Join("；", parts);
    }

    public static async Task<IResult> FileAsync(RatingFilter filter, ExportFormat format, HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var scope = services.GetRequiredService<IAreaScope>();
        var list = services.GetRequiredService<RatingList>();
        var filtered = list.Filtered(filter);
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var names = services.GetService<IRegionNames>();
        var table = new ExportTable(AuditSubjects.ServiceCase, Title, "service-case-ratings",
            filter.Community?.Trim() is { Length: > 0 } area ? area : scope.RegionPrefix ?? "", Describe(filter), Headers,
            CellsAsync(BatchesAsync(filtered, BatchSize, ct), names, text, list.Now, ct));
        return await services.GetRequiredService<TableExporter>().FileAsync(table, format, ct);
    }

    private static async IAsyncEnumerable<object?[]> CellsAsync(IAsyncEnumerable<List<RatingRow>> batches, IRegionNames? regions, IStringLocalizer<SharedResource> text,
        DateTime now, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in batches.WithCancellation(ct))
        {
            var communities = regions is null ? new Dictionary<string, string>() : await regions.NamesAsync(batch.Select(r => r.AcceptingCommunityCode).Distinct(), ct);
            foreach (var row in batch)
            {
                var r = RatingListItem.Of(row, now);
                yield return
                [
                    r.CaseNumber, Display.ChinaTime(r.RatedAt), text[r.StageLabel].Value, text[r.LevelLabel].Value, text[r.IsPoor ? "是" : "否"].Value, r.Comment ?? "",
                    communities.GetValueOrDefault(r.AcceptingCommunityCode, r.AcceptingCommunityCode), r.IsPoor ? text[r.FollowUpLabel].Value : "",
                    r.FollowUpDueAt is { } due ? Display.ChinaTime(due) : "", r.FollowUpAt is { } at ? Display.ChinaTime(at) : "", r.FollowUpNote ?? "",
                    r.FollowUpLevelLabel is { } l ? text[l].Value : "",
                ];
            }
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/export", (string? format, [AsParameters] RatingFilter filter, HttpContext http, CancellationToken ct) =>
                FileAsync(filter, ExportFormats.Parse(format), http, ct))
            .RequireRateLimiting(RateLimitPolicies.Export)
            .WithName("ExportServiceDeskRatings")
            .WithSummary("好差评 in the caller's scope as an Excel workbook (format=xlsx, default) or CSV: the same filters and order as GET /api/service-desk/ratings, Chinese labels, a title row; capped (Export:MaxRows) and audited.");
}
