using Linli.Modules.Requests.Features.Metrics;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Requests.Pages;

/// <summary>The handling metrics in the caller's scope: the same <see cref="RequestMetrics"/> as GET /api/requests/metrics, charts, rankings, exports.</summary>
[Authorize(Policy = RequestsPermissions.ReadMetrics)]
internal sealed class MetricsModel(RequestMetrics metrics, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public MetricsGroup? GroupBy { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? RankBy { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public MetricsReport? Report { get; private set; }
    public IReadOnlyList<MetricsRow> Streets { get; private set; } = [];
    public IReadOnlyList<MetricsRow> DepartmentRanking { get; private set; } = [];
    public IReadOnlyList<MetricsRow> PageRows { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public string? Message { get; private set; }

    /// <summary>The query string of the current filters, for the export links (no personal data in it).</summary>
    public string Query { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (RankBy is null || !RequestMetrics.Rates.Contains(RankBy)) RankBy = "finish";
        if (!ModelState.IsValid)
        {
            Message = "筛选条件有误，请检查日期和区划代码。";
            return;
        }
        try
        {
            var filter = MetricsEndpoints.Filter(GroupBy, Period, From, To, Region, clock);
            Report = await metrics.ComputeAsync(filter, ct);
            (Streets, DepartmentRanking) = await metrics.RankAsync(filter, RankBy, ct);
            (From, To, GroupBy) = (filter.From, filter.To, filter.GroupBy);
            PageCount = Math.Max(1, (int)Math.Ceiling(Report.Rows.Count / (double)PageSize));
            CurrentPage = Math.Clamp(PageNumber ?? 1, 1, PageCount);
            PageRows = Report.Rows.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
            Query = $"groupBy={filter.GroupBy}&from={Platform.Ui.Display.Day(filter.From)}&to={Platform.Ui.Display.Day(filter.To)}" + (filter.Region is { } r ? "&region=" + r : "");
        }
        catch (ValidationFailedException)
        {
            Message = "筛选条件有误，请检查日期和区划代码。";
        }
    }
}
