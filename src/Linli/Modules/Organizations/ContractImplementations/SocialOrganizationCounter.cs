using Linli.Modules.Organizations.Data;
using Linli.Modules.Organizations.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.ContractImplementations;

/// <summary>
/// Social organizations active today per region, shown on the region page as "socialOrganizations": a dissolved one is
/// history, counted by the measures for the years it was active but not among today's (the same rule, SocialOrganization.ActiveAt).
/// </summary>
internal sealed class SocialOrganizationCounter(OrganizationsDbContext db, TimeProvider clock) : IRegionCounter
{
    public string Name => "socialOrganizations";

    public Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        db.SocialOrganizations.AsNoTracking().Where(SocialOrganization.ActiveAt(DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
            .Select(o => o.CommunityCode).CountByPrefixAsync(codePrefix, groupLength, cancellationToken);
}
