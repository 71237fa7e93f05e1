using System.Globalization;
using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Platform.Errors;
using Linli.Platform.Export;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Features.ListFacilities;

internal sealed record FacilityItem(
    int Id, string Name, FacilityType Type, string TypeName, string CommunityCode, string? Address, double FloorArea,
    double Longitude, double Latitude, double OpeningHoursPerDay, bool IsSynthetic,
    double? ServiceArea, double? Capacity, string? Operator, DateOnly OpenedOn, DateOnly? ClosedOn, DateOnly? CityLevelSince);

internal sealed record FacilityPoint(int Id, string Name, double Longitude, double Latitude);

/// <summary>Whether the list shows facilities in service, closed records (the history) or both.</summary>
internal enum FacilityStatus
{
    Open = 1,
    Closed,
    All,
}

/// <summary>The list's filters, shared by the API, its export and the list page.</summary>
internal sealed record FacilityFilter(string? Region, FacilityType? Type, FacilityStatus Status, string? Text)
{
    public const int MaxTextLength = 50;

    public static FacilityFilter From(string? region, FacilityType? type, string? status, bool? includeClosed, string? q)
    {
        var s = status?.Trim().ToLowerInvariant() switch
        {
            null or "" => includeClosed == true ? FacilityStatus.All : FacilityStatus.Open,
            "open" => FacilityStatus.Open,
            "closed" => FacilityStatus.Closed,
            "all" => FacilityStatus.All,
            _ => throw ValidationFailedException.For("status", "状态只能是 open、closed 或 all。"),
        };
        if (region is { Length: > 0 } r && (r.Length > 15 || !r.All(char.IsAsciiDigit))) throw ValidationFailedException.For("region", "区划代码应为数字。");
        if (q?.Length > MaxTextLength) throw ValidationFailedException.For("q", "不能超过 {0} 个字符。", MaxTextLength);
        return new FacilityFilter(string.IsNullOrWhiteSpace(region) ? null : region.Trim(), type, s, string.IsNullOrWhiteSpace(q) ? null : q.Trim());
    }

    public IQueryable<Facility> Apply(IQueryable<Facility> query)
    {
        if (Region is { } region) query = query.Where(f => f.CommunityCode.StartsWith(region));
        if (Type is { } type) query = query.Where(f => f.Type == type);
        // Closed records are the history the indicators measure; the list shows what serves unless asked.
        query = Status switch
        {
            FacilityStatus.Open => query.Where(f => f.ClosedOn == null),
            FacilityStatus.Closed => query.Where(f => f.ClosedOn != null),
            _ => query,
        };
        if (Text is { } text) query = query.Where(f => f.Name.Contains(text) || (f.Address != null && f.Address.Contains(text)));
        return query.OrderBy(f => f.CommunityCode).ThenBy(f => f.Id);
    }

    public string Describe() => string.Join("，", new[]
    {
        Type is { } t ? "类型 " + FacilityTypes.NameOf(t) : null,
        Status switch { FacilityStatus.Closed => "已关闭", FacilityStatus.All => "含已关闭", _ => "在用" },
        Text is { } x ? "名称或地址含“" + x + "”" : null,
    }.OfType<string>());
}

internal static class ListFacilitiesEndpoint
{
    public static IQueryable<FacilityItem> Items(IQueryable<Facility> ordered) => ordered.Select(f => new FacilityItem(f.Id, f.Name, f.Type, "", f.CommunityCode,
        f.Address, f.FloorArea, f.Longitude, f.Latitude, f.OpeningHoursPerDay, f.IsSynthetic, f.ServiceArea, f.Capacity, f.Operator, f.OpenedOn, f.ClosedOn,
        f.CityLevelSince));

    public static FacilityItem Named(FacilityItem item) => item with { TypeName = FacilityTypes.NameOf(item.Type) };

    public static readonly IReadOnlyList<string> Headers =
        ["编号", "设施类型", "名称", "社区代码", "地址", "建筑面积（平方米）", "服务居民区域面积（平方米）", "每日开放时长（小时）", "容量", "运营单位", "开放日期", "关闭日期", "经度", "纬度"];

    public static object?[] Cells(FacilityItem f) =>
        [f.Id, FacilityTypes.NameOf(f.Type), f.Name, f.CommunityCode, f.Address, f.FloorArea, f.ServiceArea, f.OpeningHoursPerDay, f.Capacity, f.Operator,
         f.OpenedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.ClosedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Longitude, f.Latitude];

    /// <summary>Points of one type for the map; a whole city holds a few thousand of any type.</summary>
    public const int MaxPoints = 20_000;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/points", async (FacilityType type, string? region, FacilitiesDbContext db, CancellationToken ct) =>
            {
                var filter = FacilityFilter.From(region, type, null, null, null);
                return TypedResults.Ok(await filter.Apply(db.Facilities.AsNoTracking()).Take(MaxPoints)
                    .Select(f => new FacilityPoint(f.Id, f.Name, f.Longitude, f.Latitude)).ToListAsync(ct));
            })
            .WithName("FacilityPoints")
            .WithSummary("The points of the facilities in service of one type (under a region), for the map; at most 20,000.");
        api.MapGet("/", async Task<Ok<Paged<FacilityItem>>> (string? region, FacilityType? type, string? status, bool? includeClosed, string? q, int? page,
                int? pageSize, FacilitiesDbContext db, CancellationToken ct) =>
            {
                var filter = FacilityFilter.From(region, type, status, includeClosed, q);
                var paged = await Items(filter.Apply(db.Facilities.AsNoTracking())).ToPagedAsync(page, pageSize, ct);
                return TypedResults.Ok(paged with { Items = paged.Items.Select(Named).ToList() });
            })
            .WithName("ListFacilities")
            .WithSummary("Service facilities under a region-code prefix (region), of one type, in service (status=open, default), closed or all, " +
                         "whose name or address holds q; paginated.");
        api.MapGet("/export", async (string? region, FacilityType? type, string? status, bool? includeClosed, string? q, string? format,
                FacilitiesDbContext db, TableExporter exporter, CancellationToken ct) =>
            {
                var kind = ExportFormats.Parse(format);
                var filter = FacilityFilter.From(region, type, status, includeClosed, q);
                var rows = Items(filter.Apply(db.Facilities.AsNoTracking())).AsAsyncEnumerable().Select(Cells);
                return await exporter.FileAsync(new ExportTable(Platform.Audit.AuditSubjects.FacilityList, "服务设施清单", "facilities",
                    filter.Region ?? "", filter.Describe(), Headers, rows), kind, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportFacilities")
            .WithSummary("The same list as an Excel workbook (format=xlsx, default) or CSV (format=csv), under a title row; audited.");
    }
}
