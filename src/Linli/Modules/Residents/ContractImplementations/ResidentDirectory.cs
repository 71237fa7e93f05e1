using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.SearchResidents;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>The module's contract for others; reads through the scope-filtered context like everything else.</summary>
internal sealed class ResidentDirectory(ResidentsDbContext db, IPersonalDataProtector protector, NumberSearchGuard numbers, TimeProvider clock) : IResidentDirectory
{
    public Task<ResidentCard?> FindAsync(long residentId, CancellationToken cancellationToken = default) =>
        CardAsync(db.Residents.Where(r => r.Id == residentId), cancellationToken);

    public Task<ResidentCard?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken = default) =>
        ByIdNumberAsync(db.Residents, idNumber, cancellationToken);

    // Outside the caller's area on purpose (any community receives any resident's application); the card only.
    public Task<ResidentCard?> FindApplicantAsync(string idNumber, CancellationToken cancellationToken = default) =>
        ByIdNumberAsync(db.Residents.IgnoreQueryFilters(), idNumber, cancellationToken);

    /// <summary>A search by number: limited and audited (who, which field, how many matches; never the number).</summary>
    private async Task<ResidentCard?> ByIdNumberAsync(IQueryable<Resident> residents, string idNumber, CancellationToken cancellationToken)
    {
        await numbers.BeforeAsync();
        var hash = protector.IdNumberHash(idNumber);
        var card = await CardAsync(residents.Where(r => r.IdNumberHash == hash), cancellationToken);
        await numbers.AfterAsync(NumberSearchGuard.IdNumberField, card is null ? 0 : 1, card?.Id, card?.CommunityCode, cancellationToken);
        return card;
    }

    private async Task<ResidentCard?> CardAsync(IQueryable<Resident> query, CancellationToken cancellationToken)
    {
        var resident = await query.AsNoTracking().Include(r => r.Tags).FirstOrDefaultAsync(cancellationToken);
        if (resident is null) return null;
        var today = Views.Today(clock);
        return new ResidentCard(resident.Id, resident.HouseholdId, resident.CommunityCode, resident.GridCode, resident.Name, resident.IdNumberMasked,
            resident.Gender, resident.BirthYear, resident.Tags.Where(t => t.IsActiveOn(today)).Select(t => t.Tag).Distinct().Order().ToList());
    }
}
