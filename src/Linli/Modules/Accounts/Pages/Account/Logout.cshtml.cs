using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.Sessions;
using Linli.Modules.Accounts.Features.Audit;
using Linli.Platform.Audit;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Accounts.Pages.Account;

/// <summary>
/// Signing out is a POST (with antiforgery); a GET only shows the button. It ends the account's sessions everywhere
/// (other browsers and its bearer tokens within a minute), so a copied cookie or a forgotten token stops too.
/// </summary>
[AllowAnonymous]
internal sealed class LogoutModel(SignInManager<LinliUser> signIn, UserManager<LinliUser> users, AccountSessions sessions, AccountAudit audit) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await audit.RecordAsync(AuditActions.SignOut, user, "page",
                $"客户端 {ClientAddress.Display(HttpContext)}", ct);
            await sessions.EndAllAsync(user);
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
