using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Features.ListDepartments;

internal static class ListDepartmentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<DepartmentInfo>>> (int? page, int? pageSize, OrganizationsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Departments.AsNoTracking()
                    .OrderBy(d => d.Code)
                    .Select(d => new DepartmentInfo(d.Code, d.Name, d.Kind, d.IsActive))
                    .ToPagedAsync(page, pageSize, ct)))
            .WithName("ListDepartments")
            .WithSummary("The functional departments requests are dispatched to; paginated.");
}
