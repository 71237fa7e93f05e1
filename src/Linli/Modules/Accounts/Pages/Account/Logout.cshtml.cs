using Linli.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Accounts.Pages.Account;

/// <summary>Signing out is a POST (with antiforgery); a GET only shows the button.</summary>
[AllowAnonymous]
internal sealed class LogoutModel(SignInManager<LinliUser> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
