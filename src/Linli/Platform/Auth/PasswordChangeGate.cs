using Microsoft.AspNetCore.Mvc;

namespace Linli.Platform.Auth;

/// <summary>
/// After an administrator resets a password, the account's sign-in carries <see cref="LinliClaims.MustChangePassword"/>:
/// every page sends it to the change-password page first (and back to where it was going afterwards), and the API
/// answers 403 ProblemDetails saying so. Signing in and out, the error pages and the preference switches stay open.
/// </summary>
internal static class PasswordChangeGate
{
    public const string ChangePasswordPath = "/account/change-password";

    /// <summary>What an account that must change its password may still reach.</summary>
    public static bool Allows(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/error")
        || path.StartsWithSegments("/preferences") || path.StartsWithSegments("/health");

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.User.HasClaim(LinliClaims.MustChangePassword, "true") || Allows(context.Request.Path))
        {
            await next(context);
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = PasswordChangeRequired(),
            });
            return;
        }
        var here = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{ChangePasswordPath}?returnUrl={Uri.EscapeDataString(here)}");
    });

    /// <summary>The one answer for an account that must change its password first (the API here, and the token endpoint).</summary>
    public static ProblemDetails PasswordChangeRequired() => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "Password change required.",
        Detail = $"An administrator reset this account's password. Choose a new one at {ChangePasswordPath} (or POST /api/auth/password) before using the API.",
        Extensions = { ["code"] = "password-change-required" },
    };
}
