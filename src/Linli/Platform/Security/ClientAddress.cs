using System.Net;
using System.Net.Sockets;

namespace Linli.Platform.Security;

/// <summary>
/// Who the client is, by network address, once the forwarded headers of a configured proxy have been applied
/// (<see cref="ReverseProxy"/>): a client behind the proxy is counted and shown by its own address, never the proxy's.
/// </summary>
internal static class ClientAddress
{
    public const string Unknown = "unknown";

    /// <summary>The address as people read it (audit entries, an account's last sign-in).</summary>
    public static string Display(HttpContext context) => Normalize(context.Connection.RemoteIpAddress)?.ToString() ?? UnknownDisplay;

    /// <summary>An address nobody knows, as the Chinese UI shows it (entries and sign-ins keep what was shown).</summary>
    public const string UnknownDisplay = "未知";

    /// <summary>The key a client is counted by (rate limits, failed sign-ins): see <see cref="Key(IPAddress?)"/>.</summary>
    public static string Key(HttpContext context) => Key(context.Connection.RemoteIpAddress);

    /// <summary>
    /// An IPv4 address as it is; an IPv6 address by its /64 network, the block one subscriber usually holds, so that
    /// stepping through the addresses of one's own network does not start a fresh count.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (Normalize(address) is not { } ip) return Unknown;
        if (ip.AddressFamily != AddressFamily.InterNetworkV6) return ip.ToString();
        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static IPAddress? Normalize(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
