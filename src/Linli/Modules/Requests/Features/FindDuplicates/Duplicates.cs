using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Geography;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.FindDuplicates;

internal sealed record DuplicateCandidate(long Id, string Number, TicketState State, DateTime CreatedAt, double? DistanceMeters, string Description);

/// <summary>
/// Open tickets of the same category nearby from the last days: within the rule's radius of the point, or in the same
/// community when there is no point. A bounding box the index can use narrows the rows; the exact distance decides.
/// </summary>
internal static class Duplicates
{
    private sealed record Near(long Id, string Number, TicketState State, DateTime CreatedAt, double? Longitude, double? Latitude, string Description);

    // Intake asks this of every staff member's ticket: compiled once, it skips building and looking up the query each
    // time. The box lets the (category, longitude, latitude, created_at) index decide; the exact distance is taken after.
    private static readonly Func<RequestsDbContext, long, int, DateTime, DateTime, double, double, double, double, IAsyncEnumerable<Near>> NearQuery =
        EF.CompileAsyncQuery((RequestsDbContext db, long id, int categoryId, DateTime since, DateTime upTo, double minLon, double maxLon, double minLat, double maxLat) =>
            db.Tickets.AsNoTracking()
                .Where(t => t.Id != id && t.CategoryId == categoryId && t.CreatedAt >= since && t.CreatedAt <= upTo
                            && t.State != TicketState.Closed && t.State != TicketState.Merged
                            && t.Longitude >= minLon && t.Longitude <= maxLon && t.Latitude >= minLat && t.Latitude <= maxLat)
                .Select(t => new Near(t.Id, t.Number, t.State, t.CreatedAt, t.Longitude, t.Latitude, t.Description))
                .Take(200));

    /// <summary>The open tickets an existing ticket may follow: filed before it, within its rule version's radius (the API and the ticket page).</summary>
    public static async Task<IReadOnlyList<DuplicateCandidate>> EarlierAsync(RequestsDbContext db, Ticket ticket, int days, DateTime now, CancellationToken cancellationToken)
    {
        var radius = await db.RoutingRules.Where(r => r.Id == ticket.RoutingRuleId).Select(r => r.DuplicateRadiusMeters).FirstAsync(cancellationToken);
        return await FindAsync(db, ticket, radius, days, now, cancellationToken, filedUpTo: ticket.CreatedAt);
    }

    /// <param name="filedUpTo">Only tickets filed no later than this (a later ticket follows an earlier one), applied before the limit.</param>
    public static async Task<IReadOnlyList<DuplicateCandidate>> FindAsync(RequestsDbContext db, Ticket ticket, int radiusMeters, int days, DateTime now,
        CancellationToken cancellationToken, DateTime? filedUpTo = null)
    {
        var since = now.AddDays(-days);
        var upTo = filedUpTo ?? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc);
        if (ticket.Longitude is { } lon && ticket.Latitude is { } lat)
        {
            var (dLon, dLat) = Geo.Box(lat, radiusMeters);
            var near = new List<Near>();
            await foreach (var t in NearQuery(db, ticket.Id, ticket.CategoryId, since, upTo, lon - dLon, lon + dLon, lat - dLat, lat + dLat).WithCancellation(cancellationToken))
                near.Add(t);
            return near
                .Select(t => new DuplicateCandidate(t.Id, t.Number, t.State, t.CreatedAt, Geo.DistanceMeters(lon, lat, t.Longitude!.Value, t.Latitude!.Value), Short(t.Description)))
                .Where(c => c.DistanceMeters <= radiusMeters)
                .OrderBy(c => c.DistanceMeters).ThenBy(c => c.CreatedAt)
                .Take(10)
                .ToList();
        }
        // No point: the same community stands in for the radius.
        var community = ticket.CommunityCode;
        return (await db.Tickets.AsNoTracking()
                .Where(t => t.Id != ticket.Id && t.CategoryId == ticket.CategoryId && t.CreatedAt >= since && t.CreatedAt <= upTo
                            && t.State != TicketState.Closed && t.State != TicketState.Merged && t.CommunityCode == community)
                .OrderBy(t => t.CreatedAt).Take(10)
                .Select(t => new { t.Id, t.Number, t.State, t.CreatedAt, t.Description })
                .ToListAsync(cancellationToken))
            .Select(t => new DuplicateCandidate(t.Id, t.Number, t.State, t.CreatedAt, null, Short(t.Description)))
            .ToList();
    }

    private static string Short(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
