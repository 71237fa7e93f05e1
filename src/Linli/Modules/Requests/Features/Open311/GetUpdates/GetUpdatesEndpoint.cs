using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.GetUpdates;

/// <summary>
/// GET servicerequestupdates.{format} (mySociety's GeoReport v2 extension, as open311-adapter serves it): each status change
/// of the public Open311 requests (<see cref="Open311PublicTickets"/>) and each reply, oldest first, so that a reporting
/// site shows them to its users. An update is update_id, service_request_id, status (the extension's: open, in_progress,
/// closed, duplicate), updated_datetime, description (the reply's text for a reply, else what the new state means — never
/// staff's internal notes) and media_url. start_date/end_date as for requests (whole seconds, at most 90 days, the last 90
/// days by default); at most 1,000 a page, page and page_size for more.
/// </summary>
internal static class GetUpdatesEndpoint
{
    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapGet("/servicerequestupdates.{format}", async Task<Open311Result> (string format, string? start_date, string? end_date, string? page,
                string? page_size, RequestsDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var (p, size) = Open311Paging.Parse(page, page_size);
                var range = Open311DateRange.Parse(start_date, end_date, clock.GetUtcNow().UtcDateTime);
                var updates = await Open311PublicTickets.Updates(db, range, p, size).ToListAsync(ct);
                return new Open311Result(new O311List("service_request_updates", "request_update", updates.Select(u => (object?)new O311Object("request_update")
                    .Add("update_id", u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add("service_request_id", u.Number)
                    .Add("status", Open311Catalog.UpdateStatusOf(u.ToState))
                    .Add("updated_datetime", u.At)
                    .Add("description", u.Action is TicketActionKind.Reply or TicketActionKind.AnswerDirectly && u.Opinion is { } reply ? reply : Open311Catalog.NotesOf(u.ToState))
                    .Add("media_url", "")).ToList()), format);
            })
            .WithName("Open311GetServiceRequestUpdates")
            .WithSummary("Open311 (mySociety extension): status changes and replies of the public requests, oldest first, by date range; page and page_size.");
}
