using System.Security.Claims;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Features.Home;

/// <summary>The indicator board on the home page: main work of those who supervise an area against the plan.</summary>
internal sealed class IndicatorsHomeTiles(IStringLocalizer<SharedResource> text, IAuthorizationService authorization) : IHomeTiles
{
    public async Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(user, IndicatorsPermissions.ReadIndicators)).Succeeded) return [];
        var supervises = user.IsInRole(Roles.StreetStaff) || user.IsInRole(Roles.DistrictStaff) || user.IsInRole(Roles.Supervisor);
        return [new HomeTile("indicators", text["指标看板"], text["规划指标的当前值、目标和进度，年度达标报告"], "/indicators", 10) { MainWork = supervises }];
    }
}
