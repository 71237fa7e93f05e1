using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Data;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.Audit;
using Linli.Modules.Accounts.Features.Sessions;
using Linli.Modules.Accounts.Features.SignIn;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Pages.Admin;

/// <summary>
/// Roles, scope and display name of one account, locking it and resetting its password. The id in the route is the
/// account's opaque id. Every change is audited, and every change that matters to a signed-in session (roles, scope,
/// lock, password) ends the account's sessions and tokens within a minute.
/// </summary>
[Authorize(Policy = AccountsPermissions.ManageAccounts)]
internal sealed class EditAccountModel(
    UserManager<LinliUser> users, SignInManager<LinliUser> signIn, AccountsDbContext db, AccountRules rules, IAreaScope caller,
    AccountSessions sessions, SignInThrottle throttle, AccountAudit audit, IStringLocalizer<SharedResource> text,
    IOptions<IdentityOptions> identity, TimeProvider clock) : PageModel
{
    [BindProperty] public EditAccountInput Input { get; set; } = new();

    /// <summary>A password the administrator sets (rather than a generated one).</summary>
    [BindProperty, StringLength(128, ErrorMessage = "{0}不能超过{1}个字符。"), DataType(DataType.Password), Display(Name = "新密码")]
    public string? NewPassword { get; set; }

    public LinliUser Account { get; private set; } = null!;
    public bool Locked { get; private set; }
    public bool IsSelf { get; private set; }
    public int RecentFailures { get; private set; }
    public int PasswordLength => identity.Value.Password.RequiredLength;

    /// <summary>A generated one-time password, shown in this one answer and stored nowhere in clear.</summary>
    public string? GeneratedPassword { get; private set; }

    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await FillInputAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Remove(nameof(NewPassword));
        var chosen = Input.Roles.Where(Linli.Platform.Auth.Roles.All.Contains).Distinct().ToList();
        var region = AccountRules.Normalize(Input.RegionCode);
        var department = AccountRules.Normalize(Input.DepartmentCode)?.ToLowerInvariant();
        await rules.CheckAsync(chosen, region, department, ModelState,
            "Input.Roles", "Input.RegionCode", "Input.DepartmentCode", ct);
        if (IsSelf && !chosen.Contains(Linli.Platform.Auth.Roles.Administrator))
            ModelState.AddModelError("Input.Roles", text["不能取消您自己的管理员角色。"]);
        if (!ModelState.IsValid) return Page();

        var before = new AccountSnapshot(Account.DisplayName, [.. await users.GetRolesAsync(Account)], Account.ScopeRegionCode, Account.ScopeDepartmentCode);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Account.DisplayName = Input.DisplayName.Trim();
        Account.ScopeRegionCode = region;
        Account.ScopeDepartmentCode = department;
        var result = await users.UpdateAsync(Account);
        var current = before.Roles;
        if (result.Succeeded && current.Except(chosen).ToList() is { Count: > 0 } removed) result = await users.RemoveFromRolesAsync(Account, removed);
        if (result.Succeeded && chosen.Except(current).ToList() is { Count: > 0 } added) result = await users.AddToRolesAsync(Account, added);
        var after = new AccountSnapshot(Account.DisplayName, chosen, region, department);
        // A new stamp ends the account's existing sign-ins at their next check, so changed roles and scope take effect.
        if (result.Succeeded && !IsSelf && before.SessionsMustEnd(after)) result = await users.UpdateSecurityStampAsync(Account);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["保存失败，请重试。"]);
            return Page();
        }
        await transaction.CommitAsync(ct);
        sessions.Changed(Account);
        if (before.Describe(after) is { Length: > 0 } change)
            await audit.RecordAsync(AuditActions.AccountChanged, Account,
                before.ChangedFields(after), change, ct);
        if (IsSelf) await signIn.RefreshSignInAsync(Account);
        Message = text["已保存账号 {0}。", Account.UserName!];
        return LocalRedirect($"/admin/accounts/{Account.Id}");
    }

    public async Task<IActionResult> OnPostLockAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        if (IsSelf)
        {
            ModelState.AddModelError("", text["不能锁定您自己的账号。"]);
            await FillInputAsync();
            return Page();
        }
        await users.SetLockoutEnabledAsync(Account, true);
        await users.SetLockoutEndDateAsync(Account, AccountLock.ByAdministrator);
        await sessions.EndAllAsync(Account);
        await audit.RecordAsync(AuditActions.AccountLocked, Account, "", "管理员锁定", ct);
        Message = text["已锁定账号 {0}。", Account.UserName!];
        return LocalRedirect($"/admin/accounts/{Account.Id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await users.SetLockoutEndDateAsync(Account, null);
        await users.ResetAccessFailedCountAsync(Account);
        await throttle.ClearAllAsync(Account.NormalizedUserName!, ct);
        sessions.Changed(Account);
        await audit.RecordAsync(AuditActions.AccountUnlocked, Account, "", "管理员解锁", ct);
        Message = text["已解锁账号 {0}。", Account.UserName!];
        return LocalRedirect($"/admin/accounts/{Account.Id}");
    }

    /// <summary>A generated one-time password, shown once on the page that answers this POST.</summary>
    public Task<IActionResult> OnPostGeneratePasswordAsync(string id, CancellationToken ct) => ResetAsync(id, null, ct);

    /// <summary>A password the administrator chose (e.g. agreed by phone); the account must still replace it.</summary>
    public Task<IActionResult> OnPostSetPasswordAsync(string id, CancellationToken ct) => ResetAsync(id, NewPassword ?? "", ct);

    private async Task<IActionResult> ResetAsync(string id, string? chosen, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Clear();
        await FillInputAsync();
        NewPassword = null;
        if (IsSelf)
        {
            ModelState.AddModelError(nameof(NewPassword), text["请在“修改密码”页面修改您自己的密码。"]);
            return Page();
        }
        var password = chosen ?? OneTimePassword.Generate();
        if (chosen is { Length: 0 })
        {
            ModelState.AddModelError(nameof(NewPassword), text["请填写{0}。", text["新密码"]]);
            return Page();
        }
        // Identity checks the password's rules and renews the security stamp: every session and token of the account ends.
        var token = await users.GeneratePasswordResetTokenAsync(Account);
        Account.MustChangePassword = true;
        var result = await users.ResetPasswordAsync(Account, token, password);
        if (!result.Succeeded)
        {
            Account.MustChangePassword = false;
            rules.AddIdentityErrors(result, ModelState, nameof(NewPassword), nameof(NewPassword), PasswordLength);
            return Page();
        }
        sessions.Changed(Account);
        // Whoever was locked out by failed attempts may try again with the new password; an administrator's lock stays.
        await throttle.ClearAllAsync(Account.NormalizedUserName!, ct);
        if (Account.LockoutEnd is { } end && end != AccountLock.ByAdministrator) await users.SetLockoutEndDateAsync(Account, null);
        await audit.RecordAsync(AuditActions.PasswordReset, Account,
            chosen is null ? "generated" : "set", chosen is null ? "管理员生成一次性密码，下次登录须修改" : "管理员设定密码，下次登录须修改", ct);
        await LoadAsync(id, ct);
        GeneratedPassword = chosen is null ? password : null;
        ViewData["Reset"] = text["已重置账号 {0} 的密码。该账号下次登录时必须设置新密码；其现有登录和 API 令牌已失效。", Account.UserName!].Value;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        // Outside the administrator's area an account does not exist for them (404), like every record out of scope.
        if (await users.FindByIdAsync(id) is not { } account || !AccountRules.CanManage(caller, account.ScopeRegionCode)) return false;
        Account = account;
        Locked = AccountLock.IsLocked(account, clock.GetUtcNow());
        IsSelf = account.Id == caller.UserId;
        RecentFailures = await throttle.RecentFailuresAsync(account.NormalizedUserName!, ct);
        return true;
    }

    private async Task FillInputAsync() => Input = new EditAccountInput
    {
        DisplayName = Account.DisplayName,
        Roles = [.. await users.GetRolesAsync(Account)],
        RegionCode = Account.ScopeRegionCode,
        DepartmentCode = Account.ScopeDepartmentCode,
    };

    public static string SignedIn(LinliUser account) => account.LastSignInAt is { } at ? Display.ChinaTime(at) : "";
}

/// <summary>What an administrator's edit may change, before and after: what the audit entry says, and whether sessions must end.</summary>
internal sealed record AccountSnapshot(string DisplayName, IReadOnlyCollection<string> Roles, string? Region, string? Department)
{
    public bool SessionsMustEnd(AccountSnapshot after) =>
        !Roles.ToHashSet().SetEquals(after.Roles) || Region != after.Region || Department != after.Department;

    public string ChangedFields(AccountSnapshot after) => string.Join(",", new[]
    {
        !Roles.ToHashSet().SetEquals(after.Roles) ? "roles" : null,
        Region != after.Region || Department != after.Department ? "scope" : null,
        DisplayName != after.DisplayName ? "display-name" : null,
    }.OfType<string>());

    /// <summary>The change in words (roles by their Chinese names), or "" when nothing changed.</summary>
    public string Describe(AccountSnapshot after)
    {
        var parts = new List<string>();
        if (!Roles.ToHashSet().SetEquals(after.Roles)) parts.Add($"角色 {RoleList(Roles)} → {RoleList(after.Roles)}");
        if (Region != after.Region) parts.Add($"辖区 {Region ?? "—"} → {after.Region ?? "—"}");
        if (Department != after.Department) parts.Add($"部门 {Department ?? "—"} → {after.Department ?? "—"}");
        if (DisplayName != after.DisplayName) parts.Add($"显示名称 {DisplayName} → {after.DisplayName}");
        var text = string.Join("；", parts);
        return text.Length > 500 ? text[..500] : text;
    }

    private static string RoleList(IEnumerable<string> roles) =>
        roles.Any() ? string.Join("、", roles.OrderBy(r => Linli.Platform.Auth.Roles.All.ToList().IndexOf(r)).Select(RoleNames.Of)) : "—";
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
