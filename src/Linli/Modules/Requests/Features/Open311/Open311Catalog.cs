using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using System.ComponentModel;
using Linli.Platform.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// What Open311 answers are made of: services (live leaf categories), agencies (department or community names) and the
/// community list that places an address_string, each kept in the platform's cache (docs/how-to/caching.md): the
/// community list for <see cref="CommunitiesBound"/> (and dropped with the region lists when regions are imported here),
/// attribute definitions and department names for <see cref="ReferenceBound"/>.
/// </summary>
internal sealed class Open311Catalog(IServiceScopeFactory scopes, HybridCache cache)
{
    public const string Tag = "requests:open311";
    public static readonly TimeSpan CommunitiesBound = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan ReferenceBound = TimeSpan.FromMinutes(1);

    [ImmutableObject(true)]
    private sealed record CommunityList(IReadOnlyList<RegionInfo> Communities, Dictionary<string, string> Names);

    [ImmutableObject(true)]
    private sealed record AttributeList(IReadOnlyList<ServiceAttribute> Attributes);

    [ImmutableObject(true)]
    private sealed record DepartmentNames(Dictionary<string, string> Names);

    public async Task<(IReadOnlyList<RegionInfo> All, Dictionary<string, string> Names)> CommunitiesAsync(CancellationToken ct)
    {
        const string key = "requests:open311:communities";
        var list = await cache.GetOrCreateAsync(key, scopes, static async (scopes, ct) =>
        {
            using var scope = scopes.CreateScope();
            var all = await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community, "", ct);
            return new CommunityList(all, all.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal));
        }, CacheBound.Of(CommunitiesBound), [Tag, RegionCacheTag.Regions], ct);
        // Before the regions are imported there are none: not kept, so the first read after the import finds them.
        if (list.Communities.Count == 0) await cache.RemoveAsync(key, ct);
        return (list.Communities, list.Names);
    }

    /// <summary>The one community whose name the address names (the longest such name); null if none or ambiguous.</summary>
    public async Task<string?> CommunityNamedInAsync(string address, CancellationToken ct)
    {
        var (all, _) = await CommunitiesAsync(ct);
        var named = all.Where(c => c.Name.Length >= 2 && address.Contains(c.Name, StringComparison.Ordinal)).ToList();
        if (named.Count == 0) return null;
        var longest = named.Max(c => c.Name.Length);
        var best = named.Where(c => c.Name.Length == longest).ToList();
        return best.Count == 1 ? best[0].Code : null;
    }

    /// <summary>A service's attribute definitions, kept for <see cref="ReferenceBound"/> per service (they are reference data).</summary>
    /// <remarks>Loaded in a scope of its own: a fetch is shared by concurrent callers and may outlive the first one's request.</remarks>
    public async Task<IReadOnlyList<ServiceAttribute>> AttributesAsync(int categoryId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync($"requests:open311:attributes:{categoryId}", (scopes, categoryId), static async (state, ct) =>
        {
            using var scope = state.scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            return new AttributeList(await db.ServiceAttributes.AsNoTracking().Where(a => a.CategoryId == state.categoryId)
                .OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct));
        }, CacheBound.Of(ReferenceBound), [Tag, CategoryCatalog.Tag], ct)).Attributes;

    /// <summary>Department names by code, kept for <see cref="ReferenceBound"/>.</summary>
    public async Task<Dictionary<string, string>> DepartmentNamesAsync(CancellationToken ct) =>
        (await cache.GetOrCreateAsync("requests:open311:departments", scopes, static async (scopes, ct) =>
        {
            using var scope = scopes.CreateScope();
            return new DepartmentNames(await Open311Services.DepartmentNamesAsync(scope.ServiceProvider.GetRequiredService<IDepartmentDirectory>(), ct));
        }, CacheBound.Of(ReferenceBound), [Tag], ct)).Names;

    public static string StatusOf(TicketState state) => state is TicketState.Closed or TicketState.Merged ? "closed" : "open";

    /// <summary>
    /// A state as the updates extension's status: open while the centre has it, in_progress while a unit handles it (a
    /// reply is not a fix until the visit back closes it), closed, and duplicate for a merged one. Closed exactly when
    /// <see cref="StatusOf"/> says so.
    /// </summary>
    public static string UpdateStatusOf(TicketState state) => state switch
    {
        TicketState.InProgress or TicketState.Suspended or TicketState.Replied => "in_progress",
        TicketState.Closed => "closed",
        TicketState.Merged => "duplicate",
        _ => "open",
    };

    public static string NotesOf(TicketState state) => state switch
    {
        TicketState.Received => "已受理",
        TicketState.Dispatched => "已派单，待承办单位签收",
        TicketState.Returned => "已退回中心，待重新派单",
        TicketState.InProgress => "承办单位办理中",
        TicketState.Suspended => "办理暂时挂起",
        TicketState.Replied => "已答复，待回访评价",
        TicketState.Closed => "已办结",
        TicketState.Merged => "与其他诉求合并办理",
        _ => state.ToString(),
    };
}
