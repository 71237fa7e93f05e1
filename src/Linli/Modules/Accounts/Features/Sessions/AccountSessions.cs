using Linli.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts.Features.Sessions;

/// <summary>Ends every browser session and bearer token of an account: a new security stamp, noticed within a minute everywhere.</summary>
internal sealed class AccountSessions(UserManager<LinliUser> users, SessionValidator sessions)
{
    public async Task<IdentityResult> EndAllAsync(LinliUser user)
    {
        var result = await users.UpdateSecurityStampAsync(user);
        sessions.Forget(user.Id);
        return result;
    }

    /// <summary>After a change made here through Identity that already renewed the stamp (a password change or reset).</summary>
    public void Changed(LinliUser user) => sessions.Forget(user.Id);
}
