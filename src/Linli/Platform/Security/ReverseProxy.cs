using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Linli.Platform.Security;

/// <summary>
/// Forwarded headers (X-Forwarded-For, X-Forwarded-Proto) are believed only from the proxies named in configuration
/// (ReverseProxy:KnownProxies, addresses; ReverseProxy:KnownNetworks, CIDR ranges). Behind a TLS-terminating proxy the
/// request is then seen as HTTPS, so cookies are marked Secure and HSTS is sent; a client that sends the headers itself,
/// not through such a proxy, changes nothing.
/// </summary>
internal static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The framework trusts loopback by default; here only what is configured is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var value in Values(section.GetSection("KnownProxies")))
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address) ? address
                : throw new InvalidOperationException($"{Section}:KnownProxies: '{value}' is not an IP address."));
        foreach (var value in Values(section.GetSection("KnownNetworks")))
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network) ? network
                : throw new InvalidOperationException($"{Section}:KnownNetworks: '{value}' is not a network in CIDR notation (e.g. 10.0.0.0/8)."));
        // One proxy in front of the app unless told how many hops there are (a CDN in front of a load balancer: 2).
        options.ForwardLimit = section.GetValue<int?>("ForwardLimit") ?? 1;
    }

    /// <summary>A list in configuration: array entries (KnownProxies:0, :1 …) or one comma-separated value (handy in an environment variable).</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
        .Select(v => v.Trim()).Where(v => v.Length > 0);
}
