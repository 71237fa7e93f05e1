using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.Audit;
using Linli.Modules.Accounts.Features.ChangePassword;
using Linli.Modules.Accounts.Features.Sessions;
using Linli.Modules.Accounts.Pages.Admin;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Pages.Account;

/// <summary>
/// Choosing a new password: of one's own accord, or first thing after an administrator's reset (the gate in
/// Platform/Auth/PasswordChangeGate.cs sends every page here until it is done), then on to where the user was going.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
internal sealed class ChangePasswordModel(
    UserManager<LinliUser> users, SignInManager<LinliUser> signIn, AccountSessions sessions, AccountAudit audit, AccountRules rules,
    IStringLocalizer<SharedResource> text, IOptions<IdentityOptions> identity) : PageModel
{
    [BindProperty] public ChangePasswordInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public bool Required => User.HasClaim(LinliClaims.MustChangePassword, "true");
    public int PasswordLength => identity.Value.Password.RequiredLength;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.NewPassword != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", text["两次输入的新密码不一致。"]);
        if (Input.NewPassword == Input.CurrentPassword && Input.NewPassword.Length > 0)
            ModelState.AddModelError("Input.NewPassword", text["新密码不能与当前密码相同。"]);
        if (!ModelState.IsValid) return Clear();
        if (await users.GetUserAsync(User) is not { } user) return Challenge();

        var result = await PasswordChange.ApplyAsync(users, sessions, audit, user, Input.CurrentPassword, Input.NewPassword, "page", ct);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                ModelState.AddModelError("Input.CurrentPassword", text["当前密码不正确。"]);
            rules.AddIdentityErrors(IdentityResult.Failed(result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch)).ToArray()),
                ModelState, "Input.NewPassword", "Input.NewPassword", PasswordLength);
            return Clear();
        }
        // A fresh sign-in with the new stamp and without the reset's mark; every other session of the account has ended.
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    private PageResult Clear()
    {
        Input = new ChangePasswordInput();
        return Page();
    }
}

internal sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(256, ErrorMessage = "{0}不能超过{1}个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "当前密码")]
    public string CurrentPassword { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(128, ErrorMessage = "{0}不能超过{1}个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "新密码")]
    public string NewPassword { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [StringLength(128, ErrorMessage = "{0}不能超过{1}个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "确认新密码")]
    public string ConfirmPassword { get; set; } = "";
}
