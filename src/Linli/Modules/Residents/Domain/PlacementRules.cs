using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Errors;

namespace Linli.Modules.Residents.Domain;

internal enum PlacementField { Community, Grid }

/// <summary>What is wrong with a place as typed; <see cref="Message"/> is a key of the shared resources.</summary>
internal sealed record PlacementProblem(PlacementField Field, string Message, params object?[] Arguments);

/// <summary>
/// Where a household may be put: a community that exists (checked through the Regions contracts) and lies inside the
/// caller's area, and optionally one of that community's grids. Lookups are cached for the life of the request. A
/// community outside the caller's area is a refusal, not a typing mistake: <see cref="ForbiddenException"/> (403).
/// </summary>
internal sealed class PlacementRules(IRegionDirectory regions, IAreaScope scope)
{
    /// <summary>The refusal of a community outside the caller's area, {0} its code.</summary>
    public const string OutsideScope = "社区 {0} 不在您的管辖范围内。";

    private readonly Dictionary<string, RegionInfo?> _known = [];

    /// <summary>Null when the place may be used; the problem with what was typed; a 403 when it lies outside the caller's area.</summary>
    public async Task<PlacementProblem?> CheckAsync(string communityCode, string? gridCode, CancellationToken cancellationToken)
    {
        if (communityCode.Length != 12 || !communityCode.All(char.IsAsciiDigit))
            return new(PlacementField.Community, "社区代码应为 12 位数字。");
        var community = await FindAsync(communityCode, cancellationToken);
        if (community is null || community.Level != RegionLevel.Community)
            return new(PlacementField.Community, "没有代码为 {0} 的社区（村）。", communityCode);
        if (!scope.Covers(communityCode))
            throw new ForbiddenException(OutsideScope, communityCode);
        if (string.IsNullOrEmpty(gridCode)) return null;
        if (gridCode.Length != 15 || !gridCode.All(char.IsAsciiDigit))
            return new(PlacementField.Grid, "网格代码应为 15 位数字。");
        if (!gridCode.StartsWith(communityCode, StringComparison.Ordinal))
            return new(PlacementField.Grid, "网格 {0} 不属于社区 {1}。", gridCode, communityCode);
        var grid = await FindAsync(gridCode, cancellationToken);
        if (grid is null || grid.Level != RegionLevel.Grid)
            return new(PlacementField.Grid, "没有代码为 {0} 的网格。", gridCode);
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
