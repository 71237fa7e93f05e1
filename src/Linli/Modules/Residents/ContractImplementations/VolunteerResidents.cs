using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>The volunteer register's view of a resident, through the scope-filtered context like every other read.</summary>
internal sealed class VolunteerResidents(ResidentsDbContext db) : IVolunteerResidents
{
    public Task<VolunteerResident?> FindAsync(long residentId, CancellationToken cancellationToken = default) =>
        db.Residents.AsNoTracking().Where(r => r.Id == residentId)
            .Select(r => new VolunteerResident(r.Id, r.CommunityCode, r.Name))
            .FirstOrDefaultAsync(cancellationToken);
}
