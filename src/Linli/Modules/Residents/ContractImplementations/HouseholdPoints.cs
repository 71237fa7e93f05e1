using System.Runtime.CompilerServices;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>Households joined to their members' counts by one GROUP BY (no query per household).</summary>
internal sealed class HouseholdPoints(ResidentsDbContext db, TimeProvider clock) : IHouseholdPoints
{
    public async IAsyncEnumerable<HouseholdPoint> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var year = Views.Today(clock).Year;
        var elderlyBornBy = year - 60;
        var childBornAfter = year - 14;
        var counts = db.Residents.IgnoreQueryFilters().AsNoTracking().GroupBy(r => r.HouseholdId).Select(g => new
        {
            HouseholdId = g.Key,
            Residents = g.Count(),
            Elderly = g.Count(r => r.BirthYear <= elderlyBornBy),
            Children = g.Count(r => r.BirthYear > childBornAfter),
        });
        var query = from h in db.Households.IgnoreQueryFilters().AsNoTracking()
                    where h.Longitude != null && h.Latitude != null
                    join c in counts on h.Id equals c.HouseholdId
                    select new HouseholdPoint(h.CommunityCode, h.Longitude!.Value, h.Latitude!.Value, c.Residents, c.Elderly, c.Children);
        await foreach (var point in query.AsAsyncEnumerable().WithCancellation(cancellationToken)) yield return point;
    }
}
