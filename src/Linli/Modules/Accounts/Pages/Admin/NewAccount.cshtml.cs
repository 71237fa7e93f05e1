using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.Audit;
using Linli.Platform.Audit;
using Linli.Platform.Ui;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Pages.Admin;

[Authorize(Policy = AccountsPermissions.ManageAccounts)]
internal sealed class NewAccountModel(
    UserManager<LinliUser> users, AccountRules rules, AccountAudit audit, IStringLocalizer<SharedResource> text,
    IOptions<IdentityOptions> identity, TimeProvider clock) : PageModel
{
    [BindProperty] public NewAccountInput Input { get; set; } = new();

    [TempData] public string? Message { get; set; }

    public int PasswordLength => identity.Value.Password.RequiredLength;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var region = AccountRules.Normalize(Input.RegionCode);
        var department = AccountRules.Normalize(Input.DepartmentCode)?.ToLowerInvariant();
                await rules.CheckAsync(Input.Role is null ? [] : [Input.Role], region, department, ModelState,
            "Input.Role", "Input.RegionCode", "Input.DepartmentCode", ct);
        if (!ModelState.IsValid) return Page();

        var user = new LinliUser
        {
            UserName = Input.UserName.Trim(), DisplayName = Input.DisplayName.Trim(),
            ScopeRegionCode = region, ScopeDepartmentCode = department, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, Input.Password);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Input.Role!);
        if (!created.Succeeded)
        {
            if (user.Id is { } id && await users.FindByIdAsync(id) is { } partial) await users.DeleteAsync(partial);
            rules.AddIdentityErrors(created, ModelState, "Input.UserName", "Input.Password", PasswordLength);
            Input.Password = "";
            return Page();
        }
        await audit.RecordAsync(AuditActions.AccountCreated, user, "roles,scope",
            $"{user.UserName}；角色 {RoleNames.Of(Input.Role!)}；辖区 {region ?? "—"}；部门 {department ?? "—"}", ct);
        Message = text["已创建账号 {0}。", user.UserName];
        return LocalRedirect("/admin/accounts");
    }
}

internal sealed class NewAccountInput
{
    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(64, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(100, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "显示名称")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(128, ErrorMessage = "{0}不能超过{1}个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "初始密码")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "请选择{0}。")]
    [Display(Name = "角色")]
    public string? Role { get; set; }

    [StringLength(32, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "行政区划代码")]
    public string? RegionCode { get; set; }

    [StringLength(64, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "部门代码")]
    public string? DepartmentCode { get; set; }
}
