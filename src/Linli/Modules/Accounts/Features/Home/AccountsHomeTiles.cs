using System.Security.Claims;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Accounts.Features.Home;

/// <summary>Account management on the home page: the administrator's main work.</summary>
internal sealed class AccountsHomeTiles(IStringLocalizer<SharedResource> text, PermissionCatalog permissions) : IHomeTiles
{
    public Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<HomeTile>>(permissions.Allows(user, AccountsPermissions.ManageAccounts)
            ? [new HomeTile("accounts", text["账号管理"], text["创建账号，分配角色和辖区，锁定与解锁，重置密码"], "/admin/accounts", 10) { MainWork = true }]
            : []);
}
