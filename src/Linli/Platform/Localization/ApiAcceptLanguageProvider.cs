using Microsoft.AspNetCore.Localization;

namespace Linli.Platform.Localization;

/// <summary>
/// A client of the API (and of Open311) says its language the way HTTP intends, in Accept-Language; without one, and
/// without the language switch's cookie, it is answered in Chinese. Pages do not consult the header: the browser's
/// language is often English on a Chinese user's machine, and the interface is Chinese first until the user switches.
/// </summary>
internal sealed class ApiAcceptLanguageProvider : RequestCultureProvider
{
    private readonly AcceptLanguageHeaderRequestCultureProvider _header = new() { MaximumAcceptLanguageHeaderValuesToTry = 5 };

    public static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/open311");

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        IsApi(httpContext) ? _header.DetermineProviderCultureResult(httpContext) : NullProviderCultureResult;
}
