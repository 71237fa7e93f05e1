using System.Globalization;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Hotspots;

internal sealed record HotspotItem(
    long Id, HotspotKind Kind, string KindName, HotspotState State, string StateName, int CategoryId, string CategoryPath,
    string RegionCode, string RegionName, double? Longitude, double? Latitude, int? RadiusMeters, DateTime FirstAt, DateTime LastAt,
    int TicketCount, double? Baseline, DateOnly? WeekOf, long? ProactiveTicketId, string? ProactiveTicketNumber, string? DismissReason);

internal sealed record HotspotMemberItem(long Id, string Number, TicketState State, DateTime CreatedAt, string CommunityCode, double? DistanceMeters, string Description);

internal sealed record HotspotDetail(HotspotItem Hotspot, IReadOnlyList<HotspotMemberItem> Tickets, int TicketsOutsideYourArea);

/// <summary>The list's filters, shared by the API, its export and the page.</summary>
internal sealed record HotspotFilter(HotspotKind? Kind, HotspotState? State, string? Region, int? CategoryId)
{
    public static HotspotFilter From(HotspotKind? kind, HotspotState? state, string? region, int? categoryId)
    {
        if (kind is { } k && !Enum.IsDefined(k)) throw ValidationFailedException.For("kind", "没有这种热点类型。");
        if (state is { } s && !Enum.IsDefined(s)) throw ValidationFailedException.For("state", "没有这种热点状态。");
        if (region is { Length: > 0 } r && (r.Length > 12 || !r.All(char.IsAsciiDigit))) throw ValidationFailedException.For("region", "区划代码应为数字。");
        return new HotspotFilter(kind, state, string.IsNullOrWhiteSpace(region) ? null : region.Trim(), categoryId);
    }

    public IQueryable<Hotspot> Apply(IQueryable<Hotspot> query)
    {
        if (Kind is { } kind) query = query.Where(h => h.Kind == kind);
        if (State is { } state) query = query.Where(h => h.State == state);
        if (Region is { } region) query = query.Where(h => h.RegionCode.StartsWith(region));
        if (CategoryId is { } category) query = query.Where(h => h.CategoryId == category);
        return query.OrderByDescending(h => h.LastAt).ThenByDescending(h => h.Id);
    }

    public string Describe() => string.Join("，", new[]
    {
        Kind is { } k ? HotspotLabels.Kind(k) : null,
        State is { } s ? HotspotLabels.State(s) : null,
    }.OfType<string>());
}

internal static class HotspotLabels
{
    public static string Kind(HotspotKind kind) => kind switch
    {
        HotspotKind.Cluster => "聚集问题",
        HotspotKind.RepeatCaller => "重复来电",
        HotspotKind.RisingCategory => "类别上升",
        _ => "其他",
    };

    public static string State(HotspotState state) => state switch
    {
        HotspotState.Open => "待处置",
        HotspotState.Ticketed => "已主动立单",
        HotspotState.Dismissed => "已排除",
        _ => "其他",
    };
}

/// <summary>Names the rows of a page (categories from the cached tree, regions in one query).</summary>
internal sealed class HotspotQueries(RequestsDbContext db, CategoryCatalog catalog, IRegionDirectory regions)
{
    public const int MaxMembersShown = 200;

    public IQueryable<Hotspot> Scoped() => db.Hotspots.AsNoTracking();

    public async Task<IReadOnlyList<HotspotItem>> NameAsync(IReadOnlyList<Hotspot> rows, CancellationToken ct)
    {
        var tree = (await catalog.GetAsync(ct)).Tree;
        var names = await regions.NamesAsync(rows.Select(r => r.RegionCode).Distinct(), ct);
        var ticketIds = rows.Where(r => r.ProactiveTicketId is not null).Select(r => r.ProactiveTicketId!.Value).ToList();
        Dictionary<long, string> numbers = [];
        if (ticketIds.Count > 0)
            numbers = await db.Tickets.IgnoreQueryFilters().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number, ct);
        return rows.Select(h => new HotspotItem(h.Id, h.Kind, HotspotLabels.Kind(h.Kind), h.State, HotspotLabels.State(h.State), h.CategoryId,
            tree.Find(h.CategoryId) is { } c ? tree.PathOf(c) : "", h.RegionCode, names.GetValueOrDefault(h.RegionCode, ""), h.Longitude, h.Latitude,
            h.RadiusMeters, h.FirstAt, h.LastAt, h.TicketCount, h.Baseline, h.WeekOf, h.ProactiveTicketId,
            h.ProactiveTicketId is { } id ? numbers.GetValueOrDefault(id) : null, h.DismissReason)).ToList();
    }

    /// <summary>A hotspot with its tickets the caller may see (the others only counted): a cluster can reach over a street's edge.</summary>
    public async Task<HotspotDetail> DetailAsync(long id, CancellationToken ct)
    {
        var hotspot = await Scoped().FirstOrDefaultAsync(h => h.Id == id, ct) ?? throw new NotFoundException("热点不存在。");
        var item = (await NameAsync([hotspot], ct))[0];
        var memberIds = db.HotspotMembers.Where(m => m.HotspotId == id).Select(m => m.TicketId);
        var visible = await db.Tickets.AsNoTracking().Where(t => memberIds.Contains(t.Id)).OrderBy(t => t.CreatedAt).Take(MaxMembersShown)
            .Select(t => new { t.Id, t.Number, t.State, t.CreatedAt, t.CommunityCode, t.Longitude, t.Latitude, t.Description }).ToListAsync(ct);
        var seen = await db.Tickets.AsNoTracking().CountAsync(t => memberIds.Contains(t.Id), ct);
        var all = await db.HotspotMembers.CountAsync(m => m.HotspotId == id, ct);
        var members = visible.Select(t => new HotspotMemberItem(t.Id, t.Number, t.State, t.CreatedAt, t.CommunityCode,
            hotspot.Longitude is { } lon && hotspot.Latitude is { } lat && t.Longitude is { } tl && t.Latitude is { } ta
                ? Math.Round(Platform.Geography.Geo.DistanceMeters(lon, lat, tl, ta)) : null,
            t.Description.Length <= 100 ? t.Description : t.Description[..100] + "…")).ToList();
        return new HotspotDetail(item, members, all - seen);
    }

    public static readonly IReadOnlyList<string> Headers =
        ["编号", "类型", "状态", "分类", "区域代码", "区域", "工单数", "此前每周均值", "首件时间", "末件时间", "经度", "纬度", "半径（米）", "主动工单"];

    public static object?[] Cells(HotspotItem h) =>
        [h.Id, h.KindName, h.StateName, h.CategoryPath, h.RegionCode, h.RegionName, h.TicketCount, h.Baseline, Local(h.FirstAt), Local(h.LastAt),
         h.Longitude, h.Latitude, h.RadiusMeters, h.ProactiveTicketNumber];

    private static string Local(DateTime utc) => WorkingCalendar.ToChina(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
