using Linli.Modules.Facilities.Domain;
using Linli.Platform.Audit;
using Linli.Platform.Export;
using Linli.Platform.Paging;

namespace Linli.Modules.Facilities.Features.Standards;

internal sealed record StandardRule(string Code, string Name, string Unit);

/// <summary>Of one rule, how many units are held against it and how many fall below.</summary>
internal sealed record StandardSummary(string Rule, string Name, int Units, int Below);

internal static class StandardsEndpoints
{
    public static readonly IReadOnlyList<string> Headers = ["标准", "区划代码", "单位", "街道（乡镇）", "区县（市）", "标准值", "本单位数值", "差距", "差距单位"];

    public static object?[] Cells(BelowStandardUnit u) => [u.RuleName, u.Code, u.Name, u.Street, u.District, u.Threshold, u.Value, u.Gap, u.GapUnit];

    public static IReadOnlyList<StandardSummary> Summary(StandardsResult result) => FacilityStandards.Rules.Select(r =>
    {
        var checks = result.Communities.SelectMany(c => c.Checks).Concat(result.Streets).Where(c => c.Rule == r.Code).ToList();
        return new StandardSummary(r.Code, r.Name, checks.Count, checks.Count(c => !c.Meets));
    }).ToList();

    public static void Map(IEndpointRouteBuilder api)
    {
        var standards = api.MapGroup("/standards").RequireAuthorization(FacilitiesPermissions.ReadStandards);
        standards.MapGet("/", async (string? region, int? page, int? pageSize, StandardsQuery query, CancellationToken ct) =>
            {
                var result = await query.RunAsync(region, null, ct);
                var (p, size) = Paging.Normalize(page, pageSize);
                return TypedResults.Ok(new
                {
                    Region = result.Region?.Code ?? "",
                    Rules = FacilityStandards.Rules.Select(r => new StandardRule(r.Code, r.Name, r.Unit)),
                    Summary = Summary(result),
                    result.Streets,
                    Communities = new Paged<CommunityStandards>(result.Communities.Skip((p - 1) * size).Take(size).ToList(), p, size, result.Communities.Count),
                });
            })
            .WithName("FacilityStandards")
            .WithSummary("Every community under a region held against each facility standard (threshold, value, gap), the streets against the shelter " +
                         "standard, and per rule how many units fall below; communities paginated.");
        standards.MapGet("/below", async (string? region, string? rule, int? page, int? pageSize, StandardsQuery query, CancellationToken ct) =>
            {
                var r = StandardsQuery.CheckRule(rule);
                var below = (await query.RunAsync(region, null, ct)).Below(r);
                var (p, size) = Paging.Normalize(page, pageSize);
                return TypedResults.Ok(new Paged<BelowStandardUnit>(below.Skip((p - 1) * size).Take(size).ToList(), p, size, below.Count));
            })
            .WithName("FacilitiesBelowStandard")
            .WithSummary("The units (communities; streets for shelters) under a region below a standard (rule) or any, largest gap first, paginated.");
        standards.MapGet("/export", async (string? region, string? rule, string? format, StandardsQuery query, TableExporter exporter, CancellationToken ct) =>
            {
                var kind = ExportFormats.Parse(format);
                var r = StandardsQuery.CheckRule(rule);
                var result = await query.RunAsync(region, null, ct);
                var rows = result.Below(r).Select(Cells).ToAsyncEnumerable();
                return await exporter.FileAsync(new ExportTable(AuditSubjects.FacilityStandards, "设施未达标单位", "facilities-below-standard",
                    result.Region?.Code ?? "", r is null ? "全部标准" : FacilityStandards.NameOf(r), Headers, rows), kind, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportFacilitiesBelowStandard")
            .WithSummary("The units below standard as an Excel workbook (format=xlsx, default) or CSV; audited.");
    }
}
