using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.ContractImplementations;

/// <summary>
/// Social organizations active at the end of <c>asOf</c> per community, and social-work stations open then per street or
/// town (at the 9-digit code, where the indicators look for them).
/// </summary>
internal sealed class OrganizationsMeasures(OrganizationsDbContext db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new(MeasureCodes.SocialOrganizations, "社区社会组织数", "个"),
        new(MeasureCodes.SocialWorkStations, "社会工作服务站数", "个"),
    ];

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var counts = code switch
        {
            MeasureCodes.SocialOrganizations => await db.SocialOrganizations.AsNoTracking().Where(SocialOrganization.ActiveAt(asOf))
                .GroupBy(o => o.CommunityCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken),
            MeasureCodes.SocialWorkStations => await db.SocialWorkStations.AsNoTracking().Where(SocialWorkStation.OpenAt(asOf))
                .GroupBy(s => s.StreetCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken),
            _ => throw new ArgumentException($"Organizations publish no measure {code}.", nameof(code)),
        };
        return counts.Where(c => c.Count > 0).Select(c => new MeasureValue(c.Key, c.Count)).ToList();
    }
}
