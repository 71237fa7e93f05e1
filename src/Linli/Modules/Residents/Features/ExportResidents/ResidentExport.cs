using System.ComponentModel.DataAnnotations;
using System.Runtime.CompilerServices;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.SearchResidents;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Export;
using Linli.Platform.Localization;
using Linli.Platform.RateLimiting;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Residents.Features.ExportResidents;

/// <summary>The search's filters in the body (a name never goes in a URL); numbers are not taken: a search by number is not exported.</summary>
internal sealed record ExportResidentsRequest(
    [property: MaxLength(50)] string? Name,
    PopulationTagKind? Tag,
    [property: RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] string? CommunityCode,
    [property: MaxLength(8)] string? Format = null);

/// <summary>
/// Resident search results as a file: the same search and scope as the list (<see cref="ResidentSearch"/>), the same
/// columns, ID and phone numbers masked exactly as the list shows them, read by keyset on the id; audited as an export of
/// residents with the filters in words (never the name typed).
/// </summary>
internal static class ResidentExport
{
    public const int BatchSize = 1_000;
    public const string Title = "居民查询结果";

    public static readonly IReadOnlyList<string> Headers =
        ["姓名", "性别", "出生年份", "年龄", "身份证号", "手机号", "社区代码", "社区", "网格代码", "与户主关系", "人群标签"];

    public static string Describe(ResidentFilter filter, IStringLocalizer text)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(filter.Name)) parts.Add("按姓名（从头匹配）");
        if (filter.Tag is { } tag) parts.Add("人群标签=" + text[Labels.Of(tag)].Value);
        if (!string.IsNullOrWhiteSpace(filter.CommunityCode)) parts.Add("区划=" + filter.CommunityCode.Trim());
        return parts.Count == 0 ? "全部" : string.Join("；", parts);
    }

    public static async Task<IResult> FileAsync(ResidentFilter filter, ExportFormat format, IServiceProvider services, CancellationToken ct)
    {
        if (filter.NumberFields is not null) throw ValidationFailedException.For("idNumber", "按身份证号或手机号检索的结果不能导出。");
        var scope = services.GetRequiredService<IAreaScope>();
        var text = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var search = services.GetRequiredService<ResidentSearch>();
        var names = services.GetService<IRegionNames>();
        var region = string.IsNullOrWhiteSpace(filter.CommunityCode) ? scope.RegionPrefix ?? "" : filter.CommunityCode.Trim();
        var table = new ExportTable(AuditSubjects.Resident, Title, "residents", region, Describe(filter, text), Headers,
            CellsAsync(search.ExportBatchesAsync(filter, BatchSize, ct), names, text, ct))
        {
            HasMoreThanAsync = (count, token) => search.HasMoreThanAsync(filter, count, token),
        };
        return await services.GetRequiredService<TableExporter>().FileAsync(table, format, ct);
    }

    private static async IAsyncEnumerable<object?[]> CellsAsync(IAsyncEnumerable<IReadOnlyList<ResidentSummary>> batches, IRegionNames? regionNames,
        IStringLocalizer text, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in batches.WithCancellation(ct))
        {
            var communities = regionNames is null ? new Dictionary<string, string>()
                : await regionNames.NamesAsync(batch.Select(r => r.CommunityCode).Distinct(), ct);
            foreach (var r in batch)
                yield return
                [
                    r.Name, text[Labels.Of(r.Gender)].Value, r.BirthYear, r.Age, r.IdNumber, r.Phone ?? "", r.CommunityCode,
                    communities.GetValueOrDefault(r.CommunityCode, ""), r.GridCode ?? "", text[Labels.Of(r.RelationToHead)].Value,
                    text.JoinList(r.Tags.Select(t => text[Labels.Of(t)].Value)),
                ];
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/export", (ExportResidentsRequest request, HttpContext http, CancellationToken ct) =>
                FileAsync(new ResidentFilter(request.Name, Tag: request.Tag, CommunityCode: request.CommunityCode), ExportFormats.Parse(request.Format),
                    http.RequestServices, ct))
            .RequireRateLimiting(RateLimitPolicies.Export)
            .WithName("ExportResidents")
            .WithSummary("The resident search (name prefix, tag, region prefix; not by number) as an Excel workbook (format xlsx, default) or CSV, within the caller's area, numbers masked as the list shows them, under a title row; capped (Export:MaxRows, 400 beyond) and audited.");
}
