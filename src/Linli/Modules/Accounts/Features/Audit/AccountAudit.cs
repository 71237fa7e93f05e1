using Linli.Modules.Accounts.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Audit;

namespace Linli.Modules.Accounts.Features.Audit;

/// <summary>
/// Audit entries about accounts: the subject is the account (by id), the region its scope, so that the supervisors of
/// that area read them. An account without a region (residents, volunteers, department staff) and a name without an
/// account belong to the city as a whole, and are filed under the city's code.
/// </summary>
internal sealed class AccountAudit(IAuditLog audit, IRegionDirectory regions, CityCode city)
{
    public const string Subject = "account";

    public async Task RecordAsync(string action, LinliUser? account, string field, string reason, CancellationToken ct) =>
        await audit.RecordAsync(action, Subject, account?.Id ?? "", account?.ScopeRegionCode ?? await city.GetAsync(regions, ct), field,
            reason.Length > 500 ? reason[..500] : reason, ct);
}

/// <summary>The city's region code, read once: the region of entries that belong to no smaller area ("" if the tree has no single city).</summary>
internal sealed class CityCode
{
    private string? _code;

    public async Task<string> GetAsync(IRegionDirectory regions, CancellationToken ct)
    {
        if (_code is { } known) return known;
        var cities = await regions.ListAsync(RegionLevel.City, "", ct);
        return _code = cities.Count == 1 ? cities[0].Code : "";
    }
}
