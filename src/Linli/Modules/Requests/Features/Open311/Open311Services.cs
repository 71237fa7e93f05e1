using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>The service list, agencies and expected dates as GeoReport v2 shows them.</summary>
internal static class Open311Services
{
    public static async Task<IReadOnlyList<Open311Service>> LoadAsync(CategoryCatalog catalog, CancellationToken ct)
    {
        var tree = (await catalog.GetAsync(ct)).Tree;
        var leaves = tree.All.Where(c => c.IsLeaf && !tree.IsRetired(c)).OrderBy(c => c.Id).ToList();
        // Leaf names repeat across classes ("其他"): such a name is qualified by its parent's.
        var repeated = leaves.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return leaves.Select(leaf =>
        {
            var path = tree.Ancestry(leaf).Reverse().ToList();
            var parent = path.Count > 1 ? path[^2].Name : "";
            var name = repeated.Contains(leaf.Name) && parent.Length > 0 ? $"{parent}/{leaf.Name}" : leaf.Name;
            return new Open311Service(leaf, name, path[0].Name, string.Join(",", path.Skip(1).Select(c => c.Name).Distinct()), tree.PathOf(leaf));
        }).ToList();
    }

    /// <summary>The agency a rule sends tickets to: the department's name, or the community's.</summary>
    public static string Agency(RoutingRule rule, string communityCode, IReadOnlyDictionary<string, string> departments, IReadOnlyDictionary<string, string> communities) =>
        rule.DepartmentCode is { } d ? departments.GetValueOrDefault(d, d) : communities.GetValueOrDefault(communityCode, communityCode);

    public static async Task<Dictionary<string, string>> DepartmentNamesAsync(IDepartmentDirectory departments, CancellationToken ct) =>
        (await departments.ListAsync(includeInactive: true, ct)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);

    /// <summary>When the ticket should be finished: its finish deadline, or what its rule gives from intake while not dispatched yet.</summary>
    public static DateTime? Expected(Ticket t, RoutingRule rule, WorkingCalendar calendar) =>
        t.FinishDueAt ?? (t.State is TicketState.Received or TicketState.Returned ? calendar.AddWorkingDays(t.CreatedAt, rule.FinishWithinDays(t.Urgency)) : null);
}
