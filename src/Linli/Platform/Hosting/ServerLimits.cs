using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Linli.Platform.Hosting;

/// <summary>
/// Limits the server applies before any endpoint sees a request, set here rather than left to Kestrel's defaults because
/// clients rely on them: the request line bounds how long a URL may be (Open311 clients ask for hundreds of reports by
/// id in one GET; discovery states the limit), and a longer one is answered 414 by the server itself.
/// </summary>
internal static class ServerLimits
{
    /// <summary>Configuration key of the request-line limit in bytes.</summary>
    public const string RequestLineKey = "Kestrel:Limits:MaxRequestLineSize";

    /// <summary>16 KB: twice Kestrel's default, about 900 ticket numbers in one query. Proxies in front must allow as much.</summary>
    public const int DefaultRequestLineBytes = 16 * 1024;

    public static IServiceCollection AddServerLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestLineSize = configuration.GetValue(RequestLineKey, DefaultRequestLineBytes));
}
