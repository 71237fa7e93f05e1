using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace Linli.Platform.Ui;

/// <summary>
/// Whose typed input the browser keeps across an expired session (wwwroot/js/shell.js): the layout names the signed-in
/// user on <c>&lt;body data-user&gt;</c> by this hash, so that kept fields go back only to the same user, and neither the
/// user name nor the account id is written into the page.
/// </summary>
internal static class KeptInputOwner
{
    /// <summary>32 hex digits derived from the account id; empty when nobody is signed in.</summary>
    public static string Of(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirstValue(ClaimTypes.NameIdentifier) is { Length: > 0 } id
            ? Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("linli.kept-input\n" + id)))[..32].ToLowerInvariant()
            : "";
}
