using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Data;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Accounts.Pages.Admin;

/// <summary>Roles, scope and display name of one account, and locking it. The id in the route is the account's opaque id.</summary>
[Authorize(Policy = Permissions.ManageAccounts)]
internal sealed class EditAccountModel(
    UserManager<LinliUser> users, SignInManager<LinliUser> signIn, AccountsDbContext db, AccountRules rules, IAreaScope caller,
    IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty] public EditAccountInput Input { get; set; } = new();

    public LinliUser Account { get; private set; } = null!;
    public bool Locked { get; private set; }
    public bool IsSelf { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await FillInputAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id)) return NotFound();
        var chosen = Input.Roles.Where(Linli.Platform.Auth.Roles.All.Contains).Distinct().ToList();
        var region = AccountRules.Normalize(Input.RegionCode);
        var department = AccountRules.Normalize(Input.DepartmentCode)?.ToLowerInvariant();
        await rules.CheckAsync(chosen, region, department, ModelState,
            "Input.Roles", "Input.RegionCode", "Input.DepartmentCode", ct);
        if (IsSelf && !chosen.Contains(Linli.Platform.Auth.Roles.Administrator))
            ModelState.AddModelError("Input.Roles", text["不能取消您自己的管理员角色。"]);
        if (!ModelState.IsValid) return Page();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Account.DisplayName = Input.DisplayName.Trim();
        Account.ScopeRegionCode = region;
        Account.ScopeDepartmentCode = department;
        var result = await users.UpdateAsync(Account);
        var current = await users.GetRolesAsync(Account);
        if (result.Succeeded && current.Except(chosen).ToList() is { Count: > 0 } removed) result = await users.RemoveFromRolesAsync(Account, removed);
        if (result.Succeeded && chosen.Except(current).ToList() is { Count: > 0 } added) result = await users.AddToRolesAsync(Account, added);
        // A new stamp ends the account's existing sign-ins at their next check, so changed roles and scope take effect.
        if (result.Succeeded && !IsSelf) result = await users.UpdateSecurityStampAsync(Account);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["保存失败，请重试。"]);
            return Page();
        }
        await transaction.CommitAsync(ct);
        if (IsSelf) await signIn.RefreshSignInAsync(Account);
        Message = text["已保存账号 {0}。", Account.UserName!];
        return LocalRedirect($"/admin/accounts/{Account.Id}");
    }

    public async Task<IActionResult> OnPostLockAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (IsSelf)
        {
            ModelState.AddModelError("", text["不能锁定您自己的账号。"]);
            await FillInputAsync();
            return Page();
        }
        await users.SetLockoutEnabledAsync(Account, true);
        await users.SetLockoutEndDateAsync(Account, DateTimeOffset.MaxValue);
        await users.UpdateSecurityStampAsync(Account);
        Message = text["已锁定账号 {0}。", Account.UserName!];
        return LocalRedirect($"/admin/accounts/{Account.Id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        Message = text["已解锁账号 {0}。", Account.UserName!];
        return LocalRedirect($"/admin/accounts/{Account.Id}");
    }

    private async Task<bool> LoadAsync(string id)
    {
        // Outside the administrator's area an account does not exist for them (404), like every record out of scope.
        if (await users.FindByIdAsync(id) is not { } account || !AccountRules.CanManage(caller, account.ScopeRegionCode)) return false;
        Account = account;
        Locked = account.LockoutEnd is { } end && end > clock.GetUtcNow();
        IsSelf = account.Id == caller.UserId;
        return true;
    }

    private async Task FillInputAsync() => Input = new EditAccountInput
    {
        DisplayName = Account.DisplayName,
        Roles = [.. await users.GetRolesAsync(Account)],
        RegionCode = Account.ScopeRegionCode,
        DepartmentCode = Account.ScopeDepartmentCode,
    };
}

internal sealed class EditAccountInput
{
    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(100, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "显示名称")]
    public string DisplayName { get; set; } = "";

    [Display(Name = "角色")]
    public List<string> Roles { get; set; } = [];

    [StringLength(32, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "行政区划代码")]
    public string? RegionCode { get; set; }

    [StringLength(64, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "部门代码")]
    public string? DepartmentCode { get; set; }
}
