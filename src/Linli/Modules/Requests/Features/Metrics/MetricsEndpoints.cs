using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Export;

namespace Linli.Modules.Requests.Features.Metrics;

/// <summary>The metrics API, for whoever holds <see cref="RequestsPermissions.ReadMetrics"/>: the report and its export.</summary>
internal static class MetricsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/metrics").RequireAuthorization(RequestsPermissions.ReadMetrics);
        group.MapGet("/", async (string? groupBy, string? period, DateOnly? from, DateOnly? to, string? region, int? page, int? pageSize,
                RequestMetrics metrics, TimeProvider clock, CancellationToken ct) =>
            {
                var report = await metrics.ComputeAsync(Filter(groupBy, period, from, to, region, clock), ct);
                var (p, size) = Platform.Paging.Paging.Normalize(page, pageSize);
                return TypedResults.Ok(new
                {
                    report.GroupBy, report.From, report.To, report.Region, report.Total,
                    Rows = new Platform.Paging.Paged<MetricsRow>(report.Rows.Skip((p - 1) * size).Take(size).ToList(), p, size, report.Rows.Count),
                });
            })
            .WithName("RequestMetrics")
            .WithSummary("Request metrics in the caller's scope grouped by unit, region (one level below `region`) or category, over a window (period 7d|30d|month|quarter|year, or from/to in China days): counts, on-time sign rate, on-time finish rate, resolution, satisfaction and return rates, overdue, repeats, average hours; rows paginated.");
        group.MapGet("/export", async (string? format, string? groupBy, string? period, DateOnly? from, DateOnly? to, string? region,
                RequestMetrics metrics, TimeProvider clock, TableExporter exporter, IAreaScope scope, CancellationToken ct) =>
            {
                var kind = ExportFormats.Parse(format);
                var report = await metrics.ComputeAsync(Filter(groupBy, period, from, to, region, clock), ct);
                return await exporter.FileAsync(RequestMetrics.Table(report, scope.RegionPrefix ?? ""), kind, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportRequestMetrics")
            .WithSummary("The same metrics as an Excel workbook (format=xlsx, default) or CSV (format=csv), every row and the total, under a title row; rates as percentages (\"85.3%\"); audited.");
    }

    /// <summary>groupBy as the API takes it: unit, region or category, in any case.</summary>
    public static MetricsFilter Filter(string? groupBy, string? period, DateOnly? from, DateOnly? to, string? region, TimeProvider clock)
    {
        MetricsGroup? group = null;
        if (!string.IsNullOrWhiteSpace(groupBy))
            group = Enum.TryParse<MetricsGroup>(groupBy, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw ValidationFailedException.For("groupBy", "只能按单位（unit）、区划（region）或分类（category）分组。");
        return Filter(group, period, from, to, region, clock);
    }

    public static MetricsFilter Filter(MetricsGroup? groupBy, string? period, DateOnly? from, DateOnly? to, string? region, TimeProvider clock)
    {
        var (start, end) = RequestMetrics.Window(period, from, to, clock.GetUtcNow().UtcDateTime);
        return new MetricsFilter(groupBy ?? MetricsGroup.Unit, start, end, string.IsNullOrWhiteSpace(region) ? null : region.Trim());
    }
}
