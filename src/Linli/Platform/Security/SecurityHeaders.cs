using Microsoft.Net.Http.Headers;

namespace Linli.Platform.Security;

/// <summary>
/// The headers every response carries, pages, API and static files alike. Scripts come only from this site's files
/// (wwwroot/js, /lib/echarts): no inline script or event handler may appear in a page, and the policy refuses any that
/// does. Style sheets come only from files too; style attributes are allowed, because ECharts writes its tooltips as
/// markup with style attributes (they run no code, and what they could fetch is limited by img-src). Responses made by
/// an endpoint (pages, API) are not stored by browsers or proxies unless the endpoint sets its own Cache-Control, so a
/// resident's, a ticket's or the audit log's data does not outlive the session in a cache or in the back button after
/// signing out.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API reference (Scalar, at /api-docs) starts itself with an inline module script and styles itself inline; it
    /// shows no personal data, so it alone may run inline code.
    /// </summary>
    public const string ApiDocsContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string ApiDocsPath = "/api-docs";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // At the start of the response, so that what the exception handler and the status-code pages write carries them too.
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(ApiDocsPath) ? ApiDocsContentSecurityPolicy : ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        if (context.GetEndpoint() is not null && !headers.ContainsKey(HeaderNames.CacheControl))
        {
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
        }
    }
}
