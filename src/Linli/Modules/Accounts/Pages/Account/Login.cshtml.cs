using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.SignIn;
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

[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.SignIn)]
internal sealed class LoginModel(PasswordSignIn passwords, SignInManager<LinliUser> signIn, IStringLocalizer<SharedResource> text,
    IOptions<SignInLimits> options) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    /// <summary>Where to go after signing in; honoured only when it is a local path.</summary>
    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public SignInLimits Limits => options.Value;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var attempt = await passwords.CheckAsync(Input.UserName, Input.Password, "page", ct);
        switch (attempt.Outcome)
        {
            case SignInOutcome.Succeeded:
                await signIn.SignInAsync(attempt.User!, isPersistent: false);
                return LocalRedirect(SafeReturnUrl);
            case SignInOutcome.PasswordChangeRequired:
                // Signed in, but the change-password page comes first (Platform/Auth/PasswordChangeGate.cs keeps it so).
                await signIn.SignInAsync(attempt.User!, isPersistent: false);
                return LocalRedirect($"{PasswordChangeGate.ChangePasswordPath}?returnUrl={Uri.EscapeDataString(SafeReturnUrl)}");
        }
        // One message for an unknown name and a wrong password, and the lock message for both alike: no hint which accounts exist.
        ModelState.AddModelError(string.Empty, attempt.Outcome == SignInOutcome.LockedOut
            ? text["账号已被锁定，请稍后再试或联系管理员。"]
            : text["用户名或密码错误。"]);
        Input.Password = "";
        return Page();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}

internal sealed class LoginInput
{
    [Required(ErrorMessage = "请填写{0}。")]
    [MaxLength(256, ErrorMessage = "{0}不能超过{1}个字符。")]
    [Display(Name = "用户名")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "请填写{0}。")]
    [MaxLength(256, ErrorMessage = "{0}不能超过{1}个字符。")]
    [DataType(DataType.Password)]
    [Display(Name = "密码")]
    public string Password { get; set; } = "";
}
