using System.ComponentModel.DataAnnotations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.ListRoutingRules;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.EditRoutingRule;

/// <summary>The whole new rule. <see cref="DepartmentCode"/> null sends tickets to the community where they happen.</summary>
internal sealed record EditRoutingRuleRequest(
    [property: MaxLength(64)] string? DepartmentCode,
    [property: Range(1, 240)] int SignHoursUrgent,
    [property: Range(1, 240)] int SignHoursNormal,
    [property: Range(1, 365)] int FinishDaysUrgent,
    [property: Range(1, 365)] int FinishDaysNormal,
    [property: Range(10, 10_000)] int? DuplicateRadiusMeters,
    int? BasedOnVersion);

internal static class EditRoutingRuleEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPut("/{categoryId:int}", async Task<Ok<RoutingRuleItem>> (int categoryId, EditRoutingRuleRequest request, RequestsDbContext db,
                IDepartmentDirectory departments, IAreaScope caller, TimeProvider clock, IAuditLog audit, CategoryCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(categoryId, request, db, departments, caller, clock, audit, catalog, ct)))
            .WithName("EditRoutingRule")
            .WithSummary("Saves a new version of a leaf category's routing rule (administrators); tickets already routed keep the version they got.");

    /// <summary>The use case, shared by the API and the administrator's rule page; the new version and its audit entry commit together.</summary>
    public static async Task<RoutingRuleItem> HandleAsync(int categoryId, EditRoutingRuleRequest request, RequestsDbContext db,
        IDepartmentDirectory departments, IAreaScope caller, TimeProvider clock, IAuditLog audit, CategoryCatalog catalog, CancellationToken ct)
    {
        var tree = new CategoryTree(await db.Categories.AsNoTracking().ToListAsync(ct));
        var category = tree.Find(categoryId) ?? throw new NotFoundException("分类 {0} 不存在。", categoryId);
        if (!category.IsLeaf) throw ValidationFailedException.For(nameof(categoryId), "派单规则只属于三级分类。");
        if (request.SignHoursUrgent > request.SignHoursNormal)
            throw ValidationFailedException.For(nameof(request.SignHoursUrgent), "紧急诉求的签收时限不能长于一般诉求。");
        if (request.FinishDaysUrgent > request.FinishDaysNormal)
            throw ValidationFailedException.For(nameof(request.FinishDaysUrgent), "紧急诉求的办结时限不能长于一般诉求。");
        var department = string.IsNullOrWhiteSpace(request.DepartmentCode) ? null : request.DepartmentCode.Trim();
        var departmentInfo = department is null ? null : await departments.FindAsync(department, ct);
        if (department is not null && departmentInfo is not { IsActive: true })
            throw ValidationFailedException.For(nameof(request.DepartmentCode), "部门 {0} 不存在或已停用。", department);

        var current = await db.RoutingRules.Where(r => r.CategoryId == categoryId && r.IsCurrent).OrderByDescending(r => r.Version).FirstAsync(ct);
        if (request.BasedOnVersion is { } basedOn && basedOn != current.Version)
            throw new ConflictException(new Phrase("规则当前是第 {0} 版，而不是第 {1} 版。", current.Version, basedOn),
                new Dictionary<string, object?> { ["currentVersion"] = current.Version });
        var next = current.NextVersion();
        next.DepartmentCode = department;
        next.SignHoursUrgent = request.SignHoursUrgent;
        next.SignHoursNormal = request.SignHoursNormal;
        next.FinishDaysUrgent = request.FinishDaysUrgent;
        next.FinishDaysNormal = request.FinishDaysNormal;
        next.DuplicateRadiusMeters = request.DuplicateRadiusMeters ?? current.DuplicateRadiusMeters;
        next.CreatedAt = clock.GetUtcNow().UtcDateTime;
        next.CreatedBy = caller.UserName;
        current.IsCurrent = false;
        db.RoutingRules.Add(next);
        var path = tree.PathOf(category);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Someone else saved version N+1 first (unique category + version).
            throw new ConflictException("规则已被他人修改，请刷新页面后重试。");
        }
        await audit.RecordAsync(CategoryAudit.RuleChanged(next, path, departmentInfo?.Name), db, ct);
        await transaction.CommitAsync(ct);
        await catalog.InvalidateAsync();
        return next.ToItem(path);
    }
}
