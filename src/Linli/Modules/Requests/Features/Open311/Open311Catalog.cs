using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// What Open311 answers are made of: services (live leaf categories), agencies (department or community names) and the
/// community list that places an address_string. The community list is read once and kept for a few minutes.
/// </summary>
internal sealed class Open311Catalog(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    // References swapped whole: requests read them without the gate, and a struct of this size could be read half-written.
    private sealed record CommunityList(DateTime At, IReadOnlyList<RegionInfo> Communities, Dictionary<string, string> Names);
    private sealed record DepartmentNames(DateTime At, Dictionary<string, string> Names);

    private volatile CommunityList? _communities;

    public async Task<(IReadOnlyList<RegionInfo> All, Dictionary<string, string> Names)> CommunitiesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_communities is { } cached && now - cached.At < Keep && cached.Communities.Count > 0) return (cached.Communities, cached.Names);
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var list = await scope.ServiceProvider.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community, "", ct);
            var loaded = new CommunityList(now, list, list.ToDictionary(c => c.Code, c => c.Name, StringComparer.Ordinal));
            _communities = loaded;
            return (list, loaded.Names);
        }
        finally
        {
            _gate.Release();
        }
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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, (DateTime At, IReadOnlyList<ServiceAttribute> Attributes)> _attributes = new();
    private volatile DepartmentNames? _departments;

    /// <summary>A service's attribute definitions, read at most once a minute per service (they are reference data).</summary>
    public async Task<IReadOnlyList<ServiceAttribute>> AttributesAsync(RequestsDbContext db, int categoryId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_attributes.TryGetValue(categoryId, out var cached) && now - cached.At < TimeSpan.FromMinutes(1)) return cached.Attributes;
        var attributes = await db.ServiceAttributes.AsNoTracking().Where(a => a.CategoryId == categoryId).OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct);
        _attributes[categoryId] = (now, attributes);
        return attributes;
    }

    /// <summary>Department names by code, read at most once a minute.</summary>
    public async Task<Dictionary<string, string>> DepartmentNamesAsync(IDepartmentDirectory departments, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_departments is { } cached && now - cached.At < TimeSpan.FromMinutes(1)) return cached.Names;
        var names = await Open311Services.DepartmentNamesAsync(departments, ct);
        _departments = new DepartmentNames(now, names);
        return names;
    }

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
