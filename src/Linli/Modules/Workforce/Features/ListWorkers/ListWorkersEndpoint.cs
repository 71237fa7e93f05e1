using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.Features.ListWorkers;

internal sealed record WorkerItem(
    int Id, string Name, Gender Gender, DateOnly BirthDate, WorkerRole Role, string CommunityCode,
    DateOnly HiredOn, DateOnly? LeftOn, DateOnly? CertifiedOn, EducationLevel EducationLevel, bool IsSynthetic);

internal static class ListWorkersEndpoint
{
    /// <summary>
    /// Only workers inside the caller's scope ever reach this query (WorkforceDbContext filters them); of them, those serving
    /// at the end of <c>asOf</c> (today in China time unless asked), so people who left or are not yet hired are not listed.
    /// </summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<WorkerItem>>> (string? region, WorkerRole? role, DateOnly? asOf, int? page, int? pageSize,
                WorkforceDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var day = asOf ?? DateOnly.FromDateTime(WorkingCalendar.ToChina(clock.GetUtcNow().UtcDateTime));
                var query = db.Workers.AsNoTracking().Where(Worker.ServesAt(day));
                if (!string.IsNullOrWhiteSpace(region)) query = query.Where(w => w.CommunityCode.StartsWith(region));
                if (role is not null) query = query.Where(w => w.Role == role);
                return TypedResults.Ok(await query.OrderBy(w => w.CommunityCode).ThenBy(w => w.Id)
                    .Select(w => new WorkerItem(w.Id, w.Name, w.Gender, w.BirthDate, w.Role, w.CommunityCode,
                        w.HiredOn, w.LeftOn, w.CertifiedOn, w.EducationLevel, w.IsSynthetic))
                    .ToPagedAsync(page, pageSize, ct));
            })
            .WithName("ListWorkers")
            .WithSummary("Community workers and committee members (with their dates of hiring, leaving and certification) within the caller's scope serving at the end of a day (asOf, default today), under a region-code prefix (region), of one role; paginated.");
}
