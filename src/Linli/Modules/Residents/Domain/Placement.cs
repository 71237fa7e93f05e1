using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;

namespace Linli.Modules.Residents.Domain;

internal enum PlacementField { Community, Grid }

internal sealed record PlacementProblem(PlacementField Field, string Message, bool OutsideScope = false);

/// <summary>
/// Where a household may be put: a community that exists (checked through the Regions contracts) and lies inside the
/// caller's area, and optionally one of that community's grids. Lookups are cached for the life of the request.
/// </summary>
internal sealed class PlacementRules(IRegionDirectory regions, IAreaScope scope)
{
    private readonly Dictionary<string, RegionInfo?> _known = [];

    public async Task<PlacementProblem?> CheckAsync(string communityCode, string? gridCode, CancellationToken cancellationToken)
    {
        if (communityCode.Length != 12 || !communityCode.All(char.IsAsciiDigit))
            return new(PlacementField.Community, "社区代码应为 12 位数字。");
        var community = await FindAsync(communityCode, cancellationToken);
        if (community is null || community.Level != RegionLevel.Community)
            return new(PlacementField.Community, $"没有代码为 {communityCode} 的社区（村）。");
        if (!scope.Covers(communityCode))
            return new(PlacementField.Community, $"社区 {communityCode} 不在您的管辖范围内。", OutsideScope: true);
        if (string.IsNullOrEmpty(gridCode)) return null;
        if (gridCode.Length != 15 || !gridCode.All(char.IsAsciiDigit))
            return new(PlacementField.Grid, "网格代码应为 15 位数字。");
        if (!gridCode.StartsWith(communityCode, StringComparison.Ordinal))
            return new(PlacementField.Grid, $"网格 {gridCode} 不属于社区 {communityCode}。");
        var grid = await FindAsync(gridCode, cancellationToken);
        if (grid is null || grid.Level != RegionLevel.Grid)
            return new(PlacementField.Grid, $"没有代码为 {gridCode} 的网格。");
        return null;
    }

    private async Task<RegionInfo?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(code, out var known)) return known;
        var found = await regions.FindAsync(code, cancellationToken);
        _known[code] = found;
        return found;
    }
}
