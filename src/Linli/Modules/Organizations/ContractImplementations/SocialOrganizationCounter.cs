using Linli.Modules.Organizations.Data;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.ContractImplementations;

/// <summary>Social organizations per region, shown on the region page as "socialOrganizations".</summary>
internal sealed class SocialOrganizationCounter(OrganizationsDbContext db) : IRegionCounter
{
    public string Name => "socialOrganizations";

    public Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        db.SocialOrganizations.AsNoTracking().Select(o => o.CommunityCode).CountByPrefixAsync(codePrefix, groupLength, cancellationToken);
}
