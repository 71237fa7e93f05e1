using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Domain;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Accounts.Pages.Account;

[AllowAnonymous]
internal sealed class LoginModel(SignInManager<LinliUser> signIn, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    /// <summary>Where to go after signing in; honoured only when it is a local path.</summary>
    [BindProperty(SupportsGet = true, Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);
        // One message for an unknown name and a wrong password: no hint which accounts exist.
        ModelState.AddModelError(string.Empty, result.IsLockedOut
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
