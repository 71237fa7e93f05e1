using Microsoft.AspNetCore.Localization;

namespace Linli.Platform.Ui;

/// <summary>Language and large-text/high-contrast switches: plain form posts, so they work without JavaScript.</summary>
internal static class PreferenceEndpoints
{
    public const string ContrastCookie = "linli.contrast";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/preferences/culture", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string culture, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var chosen = PlatformModule.Cultures.Any(c => c.Name == culture) ? culture : "zh-CN";
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).ExcludeFromDescription();

        app.MapPost("/preferences/contrast", (HttpContext http, [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl) =>
        {
            var on = http.Request.Cookies[ContrastCookie] != "on";
            http.Response.Cookies.Append(ContrastCookie, on ? "on" : "off",
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(SafeReturn(returnUrl));
        }).ExcludeFromDescription();
    }

    // The same test as the redirect's own (a local URL has no control character either: "/\tevil" is not one), so it never throws.
    private static string SafeReturn(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/')
        && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
        && !returnUrl.Any(char.IsControl) ? returnUrl : "/";
}
