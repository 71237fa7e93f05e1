using System.Security.Claims;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Regions.Features.Home;

/// <summary>The region pages on the home page: the caller's own area, the tree, and the map (main work of those who supervise an area).</summary>
internal sealed class RegionsHomeTiles(IRegionDirectory regions, IStringLocalizer<SharedResource> text) : IHomeTiles, IScopeName
{
    public async Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var supervises = user.IsInRole(Roles.StreetStaff) || user.IsInRole(Roles.DistrictStaff) || user.IsInRole(Roles.Supervisor);
        var tiles = new List<HomeTile>();
        if (await NameAsync(user, ct) is { } area)
            tiles.Add(new HomeTile("my-area", text["我的辖区：{0}", area], text["本辖区的户数、人口、网格和下级单位"], "/regions/" + user.FindFirstValue(LinliClaims.ScopeRegion), 50));
        tiles.Add(new HomeTile("map", text["区县地图"], text["各区县统计数据的分布图"], "/regions/map", 11) { MainWork = supervises });
        tiles.Add(new HomeTile("regions", text["行政区划"], text["从全市逐级查看区县、街道、社区和网格"], "/regions", 51));
        return tiles;
    }

    public async Task<string?> NameAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.FindFirstValue(LinliClaims.ScopeRegion) is { Length: > 0 } code ? (await regions.FindAsync(code, ct))?.Name : null;
}
