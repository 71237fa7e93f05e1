using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Export;
using Linli.Platform.Ui;

namespace Linli.Modules.ServiceDesk.Features.Statistics;

/// <summary>The statistics as a table for the platform's exporter (Excel or CSV, audited, rate-limited): every group, then the total.</summary>
internal static class StatisticsExport
{
    public static readonly string[] Headers =
    [
        "代码", "名称", "收件数", "受理数", "不予受理数", "办结数", "按时办结数", "按时办结率", "超期数", "一次告知数", "一次告知率", "平均补正等待（工作日）",
        "平均办理用时（工作日）", "异地受理数", "全市通办率", "代办数", "上门办数", "评价数", "非常满意", "满意", "基本满意", "不满意", "非常不满意", "差评数", "差评率",
        "差评已回访", "差评待回访", "差评回访超期",
    ];

    public static readonly IReadOnlyDictionary<StatisticsGroup, string> Titles = new Dictionary<StatisticsGroup, string>
    {
        [StatisticsGroup.District] = "办件统计（按区县）", [StatisticsGroup.Street] = "办件统计（按街道）", [StatisticsGroup.Community] = "办件统计（按社区）",
        [StatisticsGroup.Department] = "办件统计（按部门）", [StatisticsGroup.Item] = "办件统计（按事项）",
    };

    public static object?[] Cells(StatisticsRow x) =>
    [
        x.Key, x.Name, x.Received, x.Accepted, x.Refused, x.Decided, x.OnTime, Display.Percent(x.OnTimeRate), x.Late, x.Noticed, Display.Percent(x.NoticeRate), x.AverageWaitDays,
        x.AverageWorkingDays, x.AcceptedOutsideHome, Display.Percent(x.CityWideRate), x.Proxy, x.DoorToDoor, x.Rated,
        x.Ratings.GetValueOrDefault(RatingLevel.VerySatisfied), x.Ratings.GetValueOrDefault(RatingLevel.Satisfied), x.Ratings.GetValueOrDefault(RatingLevel.FairlySatisfied),
        x.Ratings.GetValueOrDefault(RatingLevel.Dissatisfied), x.Ratings.GetValueOrDefault(RatingLevel.VeryDissatisfied), x.Poor, Display.Percent(x.PoorRate),
        x.PoorFollowedUp, x.PoorOpen, x.PoorOverdue,
    ];

    public static ExportTable Table(StatisticsResult result, string scopeRegion) => new(
        AuditSubjects.ServiceDeskStatistics,
        Titles[result.GroupBy],
        $"service-desk-statistics-{result.GroupBy.ToString().ToLowerInvariant()}-{Display.FileDay(result.From)}-{Display.FileDay(result.To)}",
        result.Area ?? scopeRegion,
        Titles[result.GroupBy] + "，" + Display.Period(result.From, result.To),
        Headers,
        result.Rows.Append(StatisticsRow.Total(result.Rows, "合计")).Select(Cells).ToAsyncEnumerable());

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/export", async (string? format, StatisticsGroup? groupBy, DateOnly? from, DateOnly? to, string? area, ServiceDeskDbContext db,
                IRegionDirectory regions, IDepartmentDirectory departments, IAreaScope scope, TimeProvider clock, TableExporter exporter, CancellationToken ct) =>
            {
                var kind = ExportFormats.Parse(format);
                var result = await CaseStatistics.RowsAsync(groupBy ?? StatisticsGroup.District, from, to, area, scope, db, regions, departments, clock, ct);
                return await exporter.FileAsync(Table(result, scope.RegionPrefix ?? ""), kind, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportServiceCaseStatistics")
            .WithSummary("The same statistics as an Excel workbook (format=xlsx, default) or CSV (format=csv): every group and the total (合计) under a title row; rates as percentages; audited.");
}
