using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.ListRoutingRules;

internal sealed record RoutingRuleItem(
    int Id, int CategoryId, string CategoryPath, int Version, bool IsCurrent, string? DepartmentCode, bool ToCommunity,
    int SignHoursUrgent, int SignHoursNormal, int FinishDaysUrgent, int FinishDaysNormal, int DuplicateRadiusMeters,
    DateTime CreatedAt, string? CreatedBy);

internal static class ListRoutingRulesEndpoint
{
    public static RoutingRuleItem ToItem(this RoutingRule r, string path) => new(
        r.Id, r.CategoryId, path, r.Version, r.IsCurrent, r.DepartmentCode, r.DepartmentCode is null,
        r.SignHoursUrgent, r.SignHoursNormal, r.FinishDaysUrgent, r.FinishDaysNormal, r.DuplicateRadiusMeters, r.CreatedAt, r.CreatedBy);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<RoutingRuleItem>>> (int? categoryId, string? department, bool? history, int? page, int? pageSize,
                RequestsDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(categoryId, department, history, page, pageSize, db, ct)))
            .WithName("ListRoutingRules")
            .WithSummary("Routing rules: the current one per leaf category, or every version of one (history=true); by department ('community' for those sent to the community); paginated.");

    /// <summary>The query, shared by the API and the administrator's rule pages.</summary>
    public static async Task<Paged<RoutingRuleItem>> ListAsync(int? categoryId, string? department, bool? history, int? page, int? pageSize,
        RequestsDbContext db, CancellationToken ct)
    {
        var query = db.RoutingRules.AsNoTracking();
        if (categoryId is not null) query = query.Where(r => r.CategoryId == categoryId);
        if (history != true) query = query.Where(r => r.IsCurrent);
        if (department == "community") query = query.Where(r => r.DepartmentCode == null);
        else if (!string.IsNullOrWhiteSpace(department)) query = query.Where(r => r.DepartmentCode == department);
        var paged = await query.OrderBy(r => r.CategoryId).ThenByDescending(r => r.Version).ToPagedAsync(page, pageSize, ct);
        var tree = new CategoryTree(await db.Categories.AsNoTracking().ToListAsync(ct));
        return new Paged<RoutingRuleItem>(
            paged.Items.Select(r => r.ToItem(tree.Find(r.CategoryId) is { } c ? tree.PathOf(c) : "")).ToList(), paged.Page, paged.PageSize, paged.Total);
    }
}
