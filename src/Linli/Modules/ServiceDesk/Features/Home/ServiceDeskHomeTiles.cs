using System.Security.Claims;
using Linli.Modules.ServiceDesk.Features.ListCases;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Features.Home;

/// <summary>
/// The service desk on each role's home page: residents apply online and book a window; community workers receive at
/// the window and see their late cases first; departments, streets, districts and the city find their cases, the late
/// ones counted, and the statistics; administrators the catalog. The count is the case list's own overdue filter
/// (<see cref="CaseList.FilteredAsync"/>), capped, one statement.
/// </summary>
internal sealed class ServiceDeskHomeTiles(CaseList cases, IStringLocalizer<SharedResource> text, PermissionCatalog permissions) : IHomeTiles
{
    public async Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        bool May(string permission) => permissions.Allows(user, permission);
        var tiles = new List<HomeTile>();
        if (May(ServiceDeskPermissions.Apply))
        {
            tiles.Add(new HomeTile("service-apply", text["网上办事"], text["在网上申请政务服务事项，上传材料"], "/service-desk/apply", 12) { MainWork = true });
            tiles.Add(new HomeTile("service-book", text["预约办事"], text["预约社区窗口的办理时间"], "/appointments", 13) { MainWork = true });
            tiles.Add(new HomeTile("service-track", text["办件查询"], text["凭办件编号和身份证号查询办理进度，评价办件"], "/service-desk/track", 60));
        }
        tiles.Add(new HomeTile("service-catalog", text["办事指南"], text["服务事项的办理条件、材料和时限"], "/services", 61));
        if (May(ServiceDeskPermissions.HandleCases))
        {
            var window = user.IsInRole(Roles.CommunityWorker);
            if (window)
            {
                tiles.Add(new HomeTile("service-intake", text["窗口收件"], text["受理居民的办事申请，一次告知所缺材料"], "/service-desk/cases/new", 24) { MainWork = true });
                tiles.Add(new HomeTile("service-queue", text["预约叫号"], text["今日预约与现场取号的办理队列"], "/appointments/queue", 32));
            }
            var overdue = await cases.FilteredAsync(new CaseFilter(Due: "overdue"), ct);
            tiles.Add(new HomeTile("service-overdue", text["超期办件"], text["本辖区已超过办结时限的办件"], "/service-desk/cases?due=overdue", window ? 25 : 33)
            {
                MainWork = window,
                Count = await HomeCount.OfAsync(text["已超期"], overdue, ct, alert: true),
            });
            tiles.Add(new HomeTile("service-cases", text["办件管理"], text["本辖区受理和属地的全部办件"], "/service-desk/cases", 34));
        }
        if (May(ServiceDeskPermissions.ReadStatistics))
            tiles.Add(new HomeTile("service-statistics", text["办件统计"], text["收件、受理、按时办结率、全市通办率和好差评"], "/service-desk/statistics", 35));
        if (May(ServiceDeskPermissions.ConfigureCatalog))
            tiles.Add(new HomeTile("service-catalog-admin", text["事项清单管理"], text["编辑和发布服务事项，维护区县代办清单"], "/services/admin", 36));
        return tiles;
    }
}
