using Linli.Platform.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

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
                ProblemDetails = PasswordChangeRequired(context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>()),
            });
            return;
        }
        var here = context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"{ChangePasswordPath}?returnUrl={Uri.EscapeDataString(here)}");
    });

    /// <summary>The one answer for an account that must change its password first (the API here, and the token endpoint).</summary>
    public static ProblemDetails PasswordChangeRequired(IStringLocalizer text) => new()
    {
        Status = StatusCodes.Status403Forbidden,
        Title = text["需要先修改密码。"],
        Detail = text["管理员重置了此账号的密码。使用接口之前，请先在 {0} 设置新密码（或调用 POST /api/auth/password）。", ChangePasswordPath],
        Extensions = { ["code"] = "password-change-required" },
    };
}
