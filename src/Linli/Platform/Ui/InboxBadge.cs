using System.Globalization;

namespace Linli.Platform.Ui;

/// <summary>The text of the unread badge on 消息 in the navigation: null for none, "1"…"99", or "99+".</summary>
internal static class InboxBadge
{
    public const int Cap = 99;

    public static string? Text(int unread) =>
        unread <= 0 ? null : unread > Cap ? Cap.ToString(CultureInfo.InvariantCulture) + "+" : unread.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The badge for the signed-in caller. The badge decorates every page, error pages included: when the count cannot be
    /// read (the database is restarting, which is why the error page is showing) the page shows no badge instead of failing.
    /// </summary>
    public static async Task<string?> ForAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true || http.RequestServices.GetService<IUnreadMessages>() is not { } inbox) return null;
        try
        {
            return Text(await inbox.CountAsync(Cap, http.RequestAborted));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(InboxBadge))
                .LogWarning("The unread count for the navigation badge could not be read: {Error}", e.GetType().Name);
            return null;
        }
    }
}
