using Linli.Modules.Facilities.Data;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.ContractImplementations;

/// <summary>Facilities in service per region (all types; closed records are history), shown on the region page as "facilities".</summary>
internal sealed class FacilityCounter(FacilitiesDbContext db) : IRegionCounter
{
    public string Name => "facilities";

    public Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        db.Facilities.AsNoTracking().Where(f => f.ClosedOn == null).Select(f => f.CommunityCode).CountByPrefixAsync(codePrefix, groupLength, cancellationToken);
}
