using System.Globalization;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.GetRequests;

/// <summary>
/// GET requests.{format} and requests/{service_request_id}.{format}: public, so they show what the spec shows and no
/// personal data (no phone, e-mail, names, account or device ids). Only requests filed through Open311 by a submitter who
/// gave some contact are public (what a resident told the hotline, a web form or a patrol worker is not; nor is an
/// anonymous request); every other ticket answers exactly like an unknown id. The place is coarse: the community's name
/// for the address, lat/long to 3 decimals (about 100 m). The list takes service_request_id (a comma list that overrides
/// every other filter), service_code (comma list), start_date/end_date (W3C, years 2000 to 2100, at most 90 days apart;
/// the last 90 days by default), status (open, closed or both) and the page/page_size extension; newest first.
/// </summary>
internal static class GetRequestsEndpoint
{
    public const int MaxDays = 90, MaxIds = 100;

    /// <summary>The dates start_date/end_date may name: China time 2000-01-01 up to (not including) 2101-01-01.</summary>
    public static readonly DateTime EarliestDate = new(1999, 12, 31, 16, 0, 0, DateTimeKind.Utc), LatestDate = new(2100, 12, 31, 16, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// The tickets the public GETs may show: filed through Open311, not anonymous. The scope filter (staff, residents) does
    /// not apply to a public reader, so it is replaced by this one.
    /// </summary>
    public static IQueryable<Ticket> PublicTickets(RequestsDbContext db) =>
        db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.Channel == Channel.Open311 && !t.IsAnonymous);

    public static void Map(IEndpointRouteBuilder v2)
    {
        v2.MapGet("/requests.{format}", async Task<Open311Result> (string format, string? service_request_id, string? service_code, string? start_date,
                string? end_date, string? status, string? page, string? page_size, RequestsDbContext db, Open311Catalog catalog,
                IDepartmentDirectory departments, WorkingCalendar calendar, TimeProvider clock, CancellationToken ct) =>
            {
                var (p, size) = Open311Paging.Parse(page, page_size);
                // Public data, not a case file: only Open311 requests that were not anonymous; the view below shows nothing personal.
                var query = PublicTickets(db);
                if (List(service_request_id) is { Count: > 0 } ids)
                {
                    if (ids.Count > MaxIds) throw Open311Exception.BadRequest($"At most {MaxIds} service_request_id at once.");
                    query = query.Where(t => ids.Contains(t.Number));
                }
                else
                {
                    if (List(service_code) is { Count: > 0 } codes)
                    {
                        var categories = codes.Select(c => int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id
                            : throw Open311Exception.BadRequest($"service_code '{c}' is not a service code.")).ToList();
                        query = query.Where(t => categories.Contains(t.CategoryId));
                    }
                    var (from, to) = Range(start_date, end_date, clock.GetUtcNow().UtcDateTime);
                    query = query.Where(t => t.CreatedAt >= from && t.CreatedAt <= to);
                    var statuses = List(status) ?? [];
                    if (statuses.FirstOrDefault(s => s is not ("open" or "closed")) is { } bad)
                        throw Open311Exception.BadRequest($"status '{bad}' is not open or closed.");
                    if (statuses.Contains("open") && !statuses.Contains("closed"))
                        query = query.Where(t => t.State != TicketState.Closed && t.State != TicketState.Merged);
                    else if (statuses.Contains("closed") && !statuses.Contains("open"))
                        query = query.Where(t => t.State == TicketState.Closed || t.State == TicketState.Merged);
                }
                var tickets = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
                return new Open311Result(await Open311RequestViews.ListAsync(tickets, db, catalog, departments, calendar, ct), format);
            })
            .WithName("Open311GetRequests")
            .WithSummary("Open311: requests by id, service, date range (at most 90 days) and status; paginated (page, page_size).");

        v2.MapGet("/requests/{service_request_id}.{format}", async Task<Open311Result> (string service_request_id, string format, RequestsDbContext db,
                Open311Catalog catalog, IDepartmentDirectory departments, WorkingCalendar calendar, CancellationToken ct) =>
            {
                // Any other ticket (another channel, anonymous) answers exactly like an unknown one.
                var ticket = await PublicTickets(db).FirstOrDefaultAsync(t => t.Number == service_request_id, ct)
                             ?? throw Open311Exception.NotFound($"No service request '{service_request_id}'.");
                return new Open311Result(await Open311RequestViews.ListAsync([ticket], db, catalog, departments, calendar, ct), format);
            })
            .WithName("Open311GetRequest")
            .WithSummary("Open311: one request by its service_request_id (the ticket number).");
    }

    private static List<string>? List(string? commaList) =>
        commaList?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).Distinct().ToList();

    private static (DateTime From, DateTime To) Range(string? start, string? end, DateTime now)
    {
        DateTime? Parse(string? text, string name) =>
            text is null ? null : Open311Dates.Parse(text) ?? throw Open311Exception.BadRequest($"{name} is not a W3C date-time (e.g. 2026-11-01T00:00:00+08:00).");
        DateTime? Within(DateTime? date, string name) =>
            date is null || (date >= EarliestDate && date < LatestDate) ? date : throw Open311Exception.BadRequest($"{name} must be in the years 2000 to 2100.");
        var from = Within(Parse(start, "start_date"), "start_date");
        var to = Within(Parse(end, "end_date"), "end_date");
        var span = TimeSpan.FromDays(MaxDays);
        var (f, t) = (from, to) switch
        {
            ({ } a, { } b) => (a, b),
            ({ } a, null) => (a, a + span),
            (null, { } b) => (b - span, b),
            _ => (now - span, now),
        };
        if (f > t) throw Open311Exception.BadRequest("start_date is after end_date.");
        if (t - f > span) throw Open311Exception.BadRequest($"start_date and end_date are more than {MaxDays} days apart.");
        return (f, t);
    }
}
