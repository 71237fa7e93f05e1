using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.ContractImplementations;

/// <summary>
/// Workers serving today (China time) per region, shown on the region page as "workers", like the list's default. A count
/// names nobody, so it is the same for every caller (like the other modules' counts) and deliberately bypasses the scope
/// filter that guards the list of people.
/// </summary>
internal sealed class WorkerCounter(WorkforceDbContext db, TimeProvider clock) : IRegionCounter
{
    public string Name => "workers";

    public Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        db.Workers.IgnoreQueryFilters().AsNoTracking()
            .Where(Worker.ServesAt(DateOnly.FromDateTime(WorkingCalendar.ToChina(clock.GetUtcNow().UtcDateTime))))
            .Select(w => w.CommunityCode).CountByPrefixAsync(codePrefix, groupLength, cancellationToken);
}
