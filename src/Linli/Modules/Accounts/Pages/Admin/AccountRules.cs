using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Accounts.Pages.Admin;

/// <summary>
/// The rules an administrator's account form must satisfy, reported as form messages: staff roles carry a scope
/// (a region code that exists and lies inside the administrator's own area, or a department code); residents and
/// volunteers carry none.
/// </summary>
internal sealed class AccountRules(IRegionDirectory regions, IDepartmentDirectory departments, IAreaScope caller, IStringLocalizer<SharedResource> text)
{
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A city-level administrator (scope of 4 digits or wider) manages every account, including unscoped and department ones.</summary>
    public static bool ManagesCity(IAreaScope caller) => caller.RegionPrefix is { Length: <= 4 };

    /// <summary>An administrator manages the accounts scoped inside their own area; accounts without an area only at city level.</summary>
    public static bool CanManage(IAreaScope caller, string? accountRegion) =>
        accountRegion is null ? ManagesCity(caller) : caller.Covers(accountRegion);

    public async Task CheckAsync(IReadOnlyCollection<string> roles, string? regionCode, string? departmentCode, ModelStateDictionary state,
        string rolesField, string regionField, string departmentField, CancellationToken cancellationToken)
    {
        if (roles.Count == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            state.AddModelError(rolesField, text["请选择角色。"]);
            return;
        }

        var staff = roles.Any(Roles.IsStaff);
        if (!staff)
        {
            if (!ManagesCity(caller))
            {
                state.AddModelError(rolesField, text["只有市级管理员可以管理居民和志愿者账号。"]);
                return;
            }
            if (regionCode is not null || departmentCode is not null)
                state.AddModelError(regionField, text["居民和志愿者账号不设辖区和部门，请清空行政区划代码和部门代码。"]);
            return;
        }
        if (regionCode is null && departmentCode is null)
        {
            state.AddModelError(regionField, text["工作人员账号必须指定辖区（行政区划代码）或部门代码。"]);
            return;
        }
        if (roles.Contains(Roles.DepartmentStaff) && departmentCode is null)
            state.AddModelError(departmentField, text["职能部门人员必须指定部门代码。"]);

        if (regionCode is not null)
        {
            if (!regionCode.All(char.IsAsciiDigit) || await regions.FindAsync(regionCode, cancellationToken) is null)
                state.AddModelError(regionField, text["行政区划代码 {0} 不存在。", regionCode]);
            else if (!caller.Covers(regionCode))
                state.AddModelError(regionField, text["只能分配您自己辖区（{0}）内的行政区划。", caller.RegionPrefix ?? "—"]);
        }
        // A department scope reaches the department's cases across the city, so only a city-level administrator grants one.
        if (departmentCode is not null && !ManagesCity(caller))
            state.AddModelError(departmentField, text["只有市级管理员可以分配部门。"]);
        else if (departmentCode is not null && await departments.FindAsync(departmentCode, cancellationToken) is not { IsActive: true })
            state.AddModelError(departmentField, text["部门代码 {0} 不存在或已停用。", departmentCode]);
    }

    /// <summary>
    /// Identity's errors (English) as Chinese form messages on the field they concern. A field shows only its first
    /// message, so the messages of one field are joined: a weak password hears every rule it breaks.
    /// </summary>
    public void AddIdentityErrors(IdentityResult result, ModelStateDictionary state, string userNameField, string passwordField, int passwordLength)
    {
        var messages = result.Errors.Select<IdentityError, (string Field, LocalizedString Text)>(error => error.Code switch
        {
            nameof(IdentityErrorDescriber.DuplicateUserName) => (userNameField, text["用户名已被使用。"]),
            nameof(IdentityErrorDescriber.InvalidUserName) => (userNameField, text["用户名只能包含英文字母、数字和 - . _ @ + 符号。"]),
            nameof(IdentityErrorDescriber.PasswordTooShort) => (passwordField, text["密码至少需要 {0} 个字符。", passwordLength]),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => (passwordField, text["密码必须包含数字。"]),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => (passwordField, text["密码必须包含小写字母。"]),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => (passwordField, text["密码必须包含大写字母。"]),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => (passwordField, text["密码必须包含符号。"]),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => (passwordField, text["密码中不同的字符太少。"]),
            _ => ("", text["保存失败：{0}", error.Code]),
        });
        foreach (var field in messages.GroupBy(m => m.Field))
            state.AddModelError(field.Key, string.Join(" ", field.Select(m => m.Text.Value)));
    }
}
