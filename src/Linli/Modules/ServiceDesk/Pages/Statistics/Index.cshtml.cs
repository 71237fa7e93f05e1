using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.Statistics;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.ServiceDesk.Pages.Statistics;

/// <summary>
/// The supervisors' service-desk figures (办件统计) in the caller's scope: the same <see cref="CaseStatistics"/> as
/// GET /api/service-desk/statistics, per district, street, community, department or item for a period, with the total,
/// a chart drawn from the table (ECharts, the page reads without it), the table paged, the exports and a print view.
/// Asking for an area outside the caller's scope is a 403.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.ReadStatistics)]
internal sealed class IndexModel(ServiceDeskDbContext db, IRegionDirectory regions, IDepartmentDirectory departments, IAreaScope scope, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public StatisticsGroup? GroupBy { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public StatisticsResult? Result { get; private set; }
    public StatisticsRow? Total { get; private set; }
    public IReadOnlyList<StatisticsRow> PageRows { get; private set; } = [];
    public int CurrentPage { get; private set; } = 1;
    public int PageCount { get; private set; } = 1;
    public string? Message { get; private set; }

    /// <summary>The query string of the current filters, for the export links (no personal data in it).</summary>
    public string Query { get; private set; } = "";

    public static readonly IReadOnlyList<(StatisticsGroup Group, string Label)> Groups =
    [
        (StatisticsGroup.District, "按区县"), (StatisticsGroup.Street, "按街道（乡镇）"), (StatisticsGroup.Community, "按社区（村）"),
        (StatisticsGroup.Department, "按部门"), (StatisticsGroup.Item, "按事项"),
    ];

    public async Task OnGetAsync(CancellationToken ct)
    {
        GroupBy ??= StatisticsGroup.District;
        if (!ModelState.IsValid || !Enum.IsDefined(GroupBy.Value))
        {
            Message = "筛选条件有误，请检查日期和区域代码。";
            return;
        }
        try
        {
            Result = await CaseStatistics.RowsAsync(GroupBy.Value, From, To, Area, scope, db, regions, departments, clock, ct);
        }
        catch (ValidationFailedException)
        {
            Message = "筛选条件有误，请检查日期和区域代码。";
            return;
        }
        (From, To, Area) = (Result.From, Result.To, Result.Area);
        Total = StatisticsRow.Total(Result.Rows, "合计");
        PageCount = Math.Max(1, (int)Math.Ceiling(Result.Rows.Count / (double)PageSize));
        CurrentPage = Math.Clamp(PageNumber ?? 1, 1, PageCount);
        PageRows = Result.Rows.Skip((CurrentPage - 1) * PageSize).Take(PageSize).ToList();
        Query = $"groupBy={GroupBy}&from={Platform.Ui.Display.Day(Result.From)}&to={Platform.Ui.Display.Day(Result.To)}" + (Result.Area is { } a ? "&area=" + a : "");
    }

    public static string Days(double? days) => days?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "—";

    /// <summary>The key column's heading for the grouping: regions are those of the accepting community (受理地).</summary>
    public static string KeyLabel(StatisticsGroup group) => group switch
    {
        StatisticsGroup.District => "受理区县",
        StatisticsGroup.Street => "受理街道（乡镇）",
        StatisticsGroup.Department => "部门",
        StatisticsGroup.Item => "事项",
        _ => "受理社区（村）",
    };
}
