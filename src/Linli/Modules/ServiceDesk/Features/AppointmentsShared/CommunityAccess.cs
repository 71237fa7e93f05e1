using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsShared;

/// <summary>Which community a worker's appointment action is about, checked once: a real community, inside the worker's scope.</summary>
internal static class CommunityAccess
{
    /// <summary>400 naming <paramref name="field"/> when the code is no community; 403 when the caller's scope does not cover it.</summary>
    public static async Task<RegionInfo> CheckAsync(string? code, IAreaScope scope, IRegionDirectory regions, CancellationToken ct, string field = "communityCode")
    {
        var community = await PublicAsync(code, regions, ct, field);
        if (!scope.Covers(community.Code)) throw new ForbiddenException("您不能管理该社区的预约。");
        return community;
    }

    /// <summary>The community, or a 400 naming <paramref name="field"/>.</summary>
    public static async Task<RegionInfo> PublicAsync(string? code, IRegionDirectory regions, CancellationToken ct, string field = "community")
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length != 12 || !trimmed.All(char.IsAsciiDigit)) throw ValidationFailedException.For(field, "请选择社区（12 位社区代码）。");
        var community = await regions.FindAsync(trimmed, ct);
        if (community is not { Level: RegionLevel.Community }) throw ValidationFailedException.For(field, "没有这个社区。");
        return community;
    }
}
