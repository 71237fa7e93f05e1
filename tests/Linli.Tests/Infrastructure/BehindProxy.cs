using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// Makes the in-process server see every request as arriving from the reverse proxy at <see cref="ProxyAddress"/>
/// (configured as known), so that X-Forwarded-For names the client as it would behind a real proxy. A request with
/// <see cref="PeerHeader"/> arrives from that address instead, as a client reaching the app directly would.
/// </summary>
public static class BehindProxy
{
    public const string ProxyAddress = "10.9.0.1";
    public const string PeerHeader = "X-Test-Peer";

    public static IEnumerable<KeyValuePair<string, string?>> Settings => [new("ReverseProxy:KnownProxies", ProxyAddress)];

    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, PeerAddressFilter>();

    /// <summary>A client whose requests the proxy forwards for <paramref name="clientAddress"/>.</summary>
    public static HttpClient From(this HttpClient client, string clientAddress)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = context.Request.Headers.TryGetValue(PeerHeader, out var peer)
                    ? IPAddress.Parse(peer.ToString())
                    : IPAddress.Parse(ProxyAddress);
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>A test host with its own settings and services (for the test classes that need a proxy, a fake clock, small limits).</summary>
public sealed class ConfiguredFactory(IEnumerable<KeyValuePair<string, string?>> settings) : LinliFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => settings;
}
