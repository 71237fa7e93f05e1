using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
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

    public Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        db.SocialOrganizations.AsNoTracking().Select(o => o.CommunityCode).CountByPrefixAsync(codePrefix, groupLength, cancellationToken);
}
