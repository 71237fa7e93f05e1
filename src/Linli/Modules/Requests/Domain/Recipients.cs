using Linli.Platform.Notifications;

namespace Linli.Modules.Requests.Domain;

/// <summary>Who is told what about a ticket: the platform's addresses (<see cref="NotificationAddress"/>), plus the resident who filed by phone.</summary>
internal static class Recipients
{
    /// <summary>A resident without an account, by the ticket they filed by phone: the SMS channel texts the number on the ticket (Jobs/ReporterPhones.cs).</summary>
    public const string ReporterScheme = "reporter";

    public static string User(string userId) => NotificationAddress.User(userId);
    public static string Department(string code) => NotificationAddress.Department(code);
    public static string Area(string regionCode) => NotificationAddress.Area(regionCode);

    /// <summary>A department code or a community code.</summary>
    public static string Unit(string unitCode) => IsRegionCode(unitCode) ? Area(unitCode) : Department(unitCode);

    public static bool IsRegionCode(string code) => code.Length > 0 && code.All(char.IsAsciiDigit);

    /// <summary>The resident: their account, or (filed by phone) the ticket number the SMS channel will resolve.</summary>
    public static string? Reporter(Ticket ticket) =>
        ticket.ReporterUserId is { } user ? User(user) : ticket.PhoneHash is not null ? ReporterScheme + ":" + ticket.Number : null;

    /// <summary>The hotline centre of the ticket's city.</summary>
    public static string Centre(Ticket ticket) => Area(ticket.CommunityCode[..4]);

    /// <summary>Those who supervise the ticket's place: its street, its district and the centre.</summary>
    public static IEnumerable<string> Supervisors(Ticket ticket) =>
        [Area(ticket.CommunityCode[..9]), Area(ticket.CommunityCode[..6]), Centre(ticket)];
}
