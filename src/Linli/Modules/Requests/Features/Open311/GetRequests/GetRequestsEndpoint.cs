using System.Globalization;
using Linli.Modules.Requests.Data;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.GetRequests;

/// <summary>
/// GET requests.{format} and requests/{service_request_id}.{format}: public, so they show what the spec shows and no
/// personal data (no phone, e-mail, names, account or device ids), and only <see cref="Open311PublicTickets"/>. The place
/// is coarse: the community's name for the address, lat/long to 3 decimals (about 100 m).
/// The list follows the spec: service_request_id (a comma list) overrides every other argument and answers every id asked
/// for and found, as many as fit in the URL (discovery gives the limit); otherwise service_code (comma list),
/// start_date/end_date (W3C, compared in whole seconds, years 2000 to 2100, at most 90 days apart) and status (open,
/// closed or both), newest first — by default the last 90 days or the first 1,000 requests, whichever is smaller, and
/// the page/page_size extension for more.
/// </summary>
internal static class GetRequestsEndpoint
{
    public static void Map(IEndpointRouteBuilder v2)
    {
        v2.MapGet("/requests.{format}", async Task<Open311Result> (string format, string? service_request_id, string? service_code, string? start_date,
                string? end_date, string? status, string? page, string? page_size, RequestsDbContext db, Open311Catalog catalog,
                WorkingCalendar calendar, TimeProvider clock, CancellationToken ct) =>
            {
                if (List(service_request_id) is { Count: > 0 } ids)
                {
                    // No page: every id asked for and found.
                    var found = await Open311PublicTickets.PublicNumberedAsync(db, ids, ct);
                    return new Open311Result(await Open311RequestViews.ListAsync(found, db, catalog, calendar, ct), format);
                }
                var (p, size) = Open311Paging.Parse(page, page_size);
                var categories = List(service_code)?.Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
                    : throw Open311Exception.BadRequest("service_code“{0}”不是服务代码。", c)).ToList();
                var range = Open311DateRange.Parse(start_date, end_date, clock.GetUtcNow().UtcDateTime);
                var statuses = List(status) ?? [];
                if (statuses.FirstOrDefault(s => s is not ("open" or "closed")) is { } bad)
                    throw Open311Exception.BadRequest("status“{0}”不是 open 或 closed。", bad);
                bool? open = statuses.Contains("open") == statuses.Contains("closed") ? null : statuses.Contains("open");
                var tickets = await Open311PublicTickets.Filed(db, range, categories is { Count: > 0 } ? categories : null, open, p, size).ToListAsync(ct);
                return new Open311Result(await Open311RequestViews.ListAsync(tickets, db, catalog, calendar, ct), format);
            })
            .WithName("Open311GetRequests")
            .WithSummary("Open311: requests by ids (all of them), or by service, date range (at most 90 days) and status: the last 90 days or the first 1,000 by default; page and page_size for more.");

        v2.MapGet("/requests/{service_request_id:long}.{format}", async Task<Open311Result> (string service_request_id, string format, RequestsDbContext db,
                Open311Catalog catalog, WorkingCalendar calendar, CancellationToken ct) =>
            {
                // Any other ticket (another channel, anonymous) answers exactly like an unknown one.
                var ticket = await Open311PublicTickets.Of(db).FirstOrDefaultAsync(t => t.Number == service_request_id, ct)
                             ?? throw Open311Exception.NotFound("没有服务请求“{0}”。", service_request_id);
                return new Open311Result(await Open311RequestViews.ListAsync([ticket], db, catalog, calendar, ct), format);
            })
            .WithName("Open311GetRequest")
            .WithSummary("Open311: one request by its service_request_id (the ticket number).");
    }

    private static List<string>? List(string? commaList) =>
        commaList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).Distinct().ToList();
}
