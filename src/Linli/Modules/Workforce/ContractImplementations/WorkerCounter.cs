using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.ContractImplementations;

/// <summary>
/// Workers per region, shown on the region page as "workers". A count names nobody, so it is the same for every caller
/// (like the other modules' counts) and deliberately bypasses the scope filter that guards the list of people.
/// </summary>
internal sealed class WorkerCounter(WorkforceDbContext db) : IRegionCounter
{
    public string Name => "workers";

    public Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        db.Workers.IgnoreQueryFilters().AsNoTracking().Select(w => w.CommunityCode).CountByPrefixAsync(codePrefix, groupLength, cancellationToken);
}
