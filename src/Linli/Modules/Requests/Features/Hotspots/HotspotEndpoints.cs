using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Export;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Hotspots;

internal sealed record HotspotRunView(long Id, DateTime From, DateTime To, DateTime StartedAt, DateTime? FinishedAt, int TicketsRead, int Found, string? Failure);

internal sealed record ProactiveTicketOpened(long HotspotId, long TicketId);

/// <summary>未诉先办 for the centre and the streets: the hotspots of the caller's area, their tickets, a proactive ticket, a dismissal, a pass now.</summary>
internal static class HotspotEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/requests/hotspots").WithTags("Requests").RequireAuthorization(RequestsPermissions.ReadHotspots);
        api.MapGet("/", async Task<Ok<Paged<HotspotItem>>> (HotspotKind? kind, HotspotState? state, string? region, int? categoryId, int? page, int? pageSize,
                HotspotQueries queries, CancellationToken ct) =>
            {
                var filter = HotspotFilter.From(kind, state, region, categoryId);
                var paged = await filter.Apply(queries.Scoped()).ToCappedPageAsync(page, pageSize, ct);
                return TypedResults.Ok(new Paged<HotspotItem>(await queries.NameAsync(paged.Items, ct), paged.Page, paged.PageSize, paged.Total) { TotalIsCapped = paged.TotalIsCapped });
            })
            .WithName("ListHotspots")
            .WithSummary("Hotspots (clusters, repeat callers, rising categories) of the caller's area, newest first; filter by kind, state, region prefix, category; paginated.");
        api.MapGet("/export", async (HotspotKind? kind, HotspotState? state, string? region, int? categoryId, string? format, HotspotQueries queries,
                TableExporter exporter, IAreaScope scope, CancellationToken ct) =>
            {
                var type = ExportFormats.Parse(format);
                var filter = HotspotFilter.From(kind, state, region, categoryId);
                var rows = filter.Apply(queries.Scoped()).AsAsyncEnumerable().Chunk(500).SelectMany(chunk => NamedAsync(queries, chunk, ct));
                return await exporter.FileAsync(new ExportTable(Platform.Audit.AuditSubjects.HotspotList, "未诉先办热点问题", "hotspots",
                    filter.Region ?? scope.RegionPrefix ?? "", filter.Describe(), HotspotQueries.Headers, rows), type, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportHotspots")
            .WithSummary("The same list as an Excel workbook (format=xlsx, default) or CSV (format=csv); audited.");
        api.MapGet("/{id:long}", async Task<Ok<HotspotDetail>> (long id, HotspotQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.DetailAsync(id, ct)))
            .WithName("GetHotspot")
            .WithSummary("One hotspot with its tickets within the caller's area (at most 200; those outside it are only counted).");
        api.MapPost("/{id:long}/ticket", async Task<Created<ProactiveTicketOpened>> (long id, OpenProactiveTicket? request, ProactiveTickets tickets,
                HttpContext http, IAreaScope scope, CancellationToken ct) =>
            {
                var ticketId = await tickets.OpenAsync(id, request ?? new OpenProactiveTicket(), Actor.From(http.User, scope), ct);
                return TypedResults.Created($"/api/requests/tickets/{ticketId}", new ProactiveTicketOpened(id, ticketId));
            })
            .WithName("OpenProactiveTicket")
            .WithSummary("Opens a proactive ticket (主动工单) for the hotspot, linking its tickets: their reporters get its answer. 409 if one is open already.");
        api.MapPost("/{id:long}/dismiss", async Task<NoContent> (long id, DismissHotspot request, ProactiveTickets tickets, HttpContext http, IAreaScope scope,
                CancellationToken ct) =>
            {
                await tickets.DismissAsync(id, request.Reason, Actor.From(http.User, scope), ct);
                return TypedResults.NoContent();
            })
            .WithName("DismissHotspot")
            .WithSummary("Sets an open hotspot aside with a reason; new tickets joining it bring it back.");
        api.MapGet("/runs", async Task<Ok<List<HotspotRunView>>> (RequestsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.HotspotRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(20)
                    .Select(r => new HotspotRunView(r.Id, r.From, r.To, r.StartedAt, r.FinishedAt, r.TicketsRead, r.Found, r.Failure)).ToListAsync(ct)))
            .WithName("ListHotspotRuns")
            .WithSummary("The last 20 passes of the detection: period, progress (finished or not), tickets read, groups found.");
        api.MapPost("/detect", async Task<Ok<DetectionOutcome>> (HotspotDetector detector, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await detector.DetectRecentAsync(http.User.Identity?.Name ?? "api", ct)))
            .RequireAuthorization(RequestsPermissions.DetectHotspots)
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("DetectHotspots")
            .WithSummary("Runs the daily pass now (the centre): the last week's tickets of the whole city.");
    }

    private static async IAsyncEnumerable<object?[]> NamedAsync(HotspotQueries queries, Hotspot[] chunk, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var item in await queries.NameAsync(chunk, ct)) yield return HotspotQueries.Cells(item);
    }
}
