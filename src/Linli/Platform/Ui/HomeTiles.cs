using System.Globalization;
using System.Security.Claims;

namespace Linli.Platform.Ui;

/// <summary>
/// What a module puts on a signed-in user's home page: its pages for the user's roles, each with at most one count.
/// The home page belongs to the platform, which knows no module; each module registers one of these for the work it
/// owns (its pages, its counts, its rules of who does what), so a new module adds its tiles without touching the home page.
/// </summary>
internal interface IHomeTiles
{
    /// <summary>The tiles for <paramref name="user"/>; each count costs at most one indexed, capped query (<see cref="HomeCount.OfAsync{T}"/>).</summary>
    Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct);
}

/// <summary>
/// One tile: an already localized title and line, a link, and optionally a count. <see cref="MainWork"/> tiles come first
/// ("the main work" of the role: what the user opens the platform for); the rest are the usual links. Lower
/// <see cref="Order"/> comes first within each group.
/// </summary>
internal sealed record HomeTile(string Id, string Title, string Description, string Href, int Order)
{
    public bool MainWork { get; init; }
    public HomeCount? Count { get; init; }
}

/// <summary>
/// A count on a tile: exact up to <see cref="Cap"/>, "1,000+" beyond, so that a home page never counts over millions of
/// rows. <see cref="Alert"/> marks a count that needs action (overdue work).
/// </summary>
internal sealed record HomeCount(string Label, long Value, bool Capped, bool Alert = false)
{
    public const int Cap = 1000;

    public string Text => Value.ToString("N0", CultureInfo.InvariantCulture) + (Capped ? "+" : "");

    /// <summary>
    /// Counts the query's rows up to <see cref="Cap"/> in one statement (COUNT over a LIMIT written as a literal: the scan stops
    /// at the cap), the lists' own capped count (<see cref="Paging.Paging.CountUpToLimitAsync{T}(IQueryable{T}, int, CancellationToken)"/>).
    /// </summary>
    public static async Task<HomeCount> OfAsync<T>(string label, IQueryable<T> query, CancellationToken ct, bool alert = false)
    {
        var (counted, capped) = await Paging.Paging.CountUpToLimitAsync(query, Cap, ct);
        return new HomeCount(label, counted, capped, alert && counted > 0);
    }
}

/// <summary>
/// The unread count of the caller's inbox, for the badge on 消息 in the navigation of every page. The inbox is a module's;
/// the layout is the platform's, so the module implements this (one capped, indexed count per page view).
/// </summary>
internal interface IUnreadMessages
{
    /// <summary>Unread messages of the signed-in caller, counted up to <paramref name="cap"/> + 1 (more than the cap shows as "99+").</summary>
    Task<int> CountAsync(int cap, CancellationToken ct);
}

/// <summary>The name of the caller's scope (a region or a department) for the home page's greeting, from the module that owns the names.</summary>
internal interface IScopeName
{
    /// <summary>The name, or null when the caller's scope is not of this module's kind.</summary>
    Task<string?> NameAsync(ClaimsPrincipal user, CancellationToken ct);
}
