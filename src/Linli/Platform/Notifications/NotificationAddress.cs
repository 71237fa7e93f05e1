using Linli.Platform.Auth;

namespace Linli.Platform.Notifications;

/// <summary>
/// Who is told: addresses, not people, so that a unit's inbox is shared by its staff. The in-app inbox takes a person
/// ("user:{id}"), a department ("dept:{code}") and an area ("area:{region code}"); a module may own a scheme of its own
/// that another channel resolves (Requests' "reporter:{ticket number}" goes by SMS, <see cref="Sms.ISmsRecipients"/>).
/// </summary>
internal static class NotificationAddress
{
    public const int MaxLength = 128;

    public static string User(string userId) => "user:" + userId;
    public static string Department(string code) => "dept:" + code;
    public static string Area(string regionCode) => "area:" + regionCode;

    /// <summary>The part before the colon.</summary>
    public static string SchemeOf(string address) => address.IndexOf(':') is var colon and > 0 ? address[..colon] : "";

    /// <summary>A person's, a department's or an area's: an inbox address.</summary>
    public static bool IsInbox(string address) => SchemeOf(address) is "user" or "dept" or "area";

    /// <summary>The addresses a caller reads: their own, their department's, and their area's.</summary>
    public static List<string> Of(IAreaScope scope)
    {
        var addresses = new List<string>();
        if (scope.UserId is { } user) addresses.Add(User(user));
        if (scope.DepartmentCode is { } department) addresses.Add(Department(department));
        if (scope.RegionPrefix is { Length: > 0 } region) addresses.Add(Area(region));
        return addresses;
    }
}
