using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Regions.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Domain;

internal sealed class DepartmentDirectory(OrganizationsDbContext db) : IDepartmentDirectory
{
    public async Task<IReadOnlyList<DepartmentInfo>> ListAsync(bool includeInactive = false, CancellationToken cancellationToken = default) =>
        await db.Departments.AsNoTracking()
            .Where(d => includeInactive || d.IsActive)
            .OrderBy(d => d.Code)
            .Select(d => new DepartmentInfo(d.Code, d.Name, d.Kind, d.IsActive))
            .ToListAsync(cancellationToken);

    public async Task<DepartmentInfo?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        (await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, cancellationToken))?.ToInfo();
}

/// <summary>Social organizations per region, shown on the region page as "socialOrganizations".</summary>
internal sealed class SocialOrganizationCounter(OrganizationsDbContext db) : IRegionCounter
{
    public string Name => "socialOrganizations";

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        await db.SocialOrganizations.AsNoTracking()
            .Where(o => o.CommunityCode.StartsWith(codePrefix))
            .GroupBy(o => o.CommunityCode.Substring(0, groupLength))
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
