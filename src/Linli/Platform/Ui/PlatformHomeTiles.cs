using System.Security.Claims;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Ui;

/// <summary>The platform's own pages on the home page: the holiday calendar and the audit log.</summary>
internal sealed class PlatformHomeTiles(IStringLocalizer<SharedResource> text, PermissionCatalog permissions) : IHomeTiles
{
    public Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        bool May(string permission) => permissions.Allows(user, permission);
        var administrator = user.IsInRole(Roles.Administrator);
        var tiles = new List<HomeTile>();
        if (May(PlatformPermissions.ManageCalendar))
            tiles.Add(new HomeTile("holidays", text["节假日管理"], text["法定节假日和调休上班日，办理时限按工作日计算"], "/admin/holidays", 30) { MainWork = true });
        if (May(PlatformPermissions.ReadAudit))
            tiles.Add(new HomeTile("audit", text["审计日志"], text["个人信息查看、登录和配置变更的记录"], "/audit", 31) { MainWork = administrator });
        return Task.FromResult<IReadOnlyList<HomeTile>>(tiles);
    }
}
