using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.GetResident;

/// <summary>One resident with masked numbers; outside the caller's area it does not exist (404, like an unknown id).</summary>
internal sealed class ResidentDetailsQuery(ResidentsDbContext db, TimeProvider clock, IAuditLog audit)
{
    public async Task<ResidentDetails?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().Include(r => r.Tags).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resident is null)
        {
            // Only on this not-found path: a resident outside the caller's area is a refused attempt, for the audit log.
#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
            await audit.RecordIfOutOfScopeAsync(AuditSubjects.Resident, db.Residents.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == id)
                .Select(r => new AuditSubjectRef(r.Id.ToString(), r.CommunityCode, r.Name.Substring(0, 1) + "**")), cancellationToken);
#pragma warning restore CA1305
            return null;
        }
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == resident.HouseholdId, cancellationToken);
        var today = Views.Today(clock);
        return new ResidentDetails(resident.Id, resident.Name, resident.Gender, resident.BirthYear, Domain.AgeTags.AgeThisYear(resident.BirthYear, today),
            resident.IdNumberMasked, resident.PhoneMasked, resident.RelationToHead, resident.RegisteredAddress, resident.ActualAddress,
            resident.CommunityCode, resident.GridCode, resident.IsSynthetic,
            resident.Tags.OrderBy(t => t.Tag).ThenBy(t => t.StartDate).Select(t => Views.View(t, today)).ToList(),
            Views.Summary(household));
    }

    public async Task<ResidentDetails> GetAsync(long id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ?? throw new NotFoundException("居民 {0} 不存在。", id);
}

internal static class GetResidentEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{id:long}", async Task<Ok<ResidentDetails>> (long id, ResidentDetailsQuery query, CancellationToken ct) =>
                TypedResults.Ok(await query.GetAsync(id, ct)))
            .WithName("GetResident")
            .WithSummary("One resident with masked ID and phone numbers, tags and household.")
            .ProducesProblem(StatusCodes.Status404NotFound);
}
