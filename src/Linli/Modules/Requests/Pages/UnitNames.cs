using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// Names for the unit codes a page shows: departments by the directory (the shipped names in the page's language, a
/// renamed department by its new name), regions by the tree, "centre" as the 12345 centre.
/// </summary>
internal sealed class UnitNames(IDepartmentDirectory departments, IRegionDirectory regions, IStringLocalizer<SharedResource> text)
{
    private Dictionary<string, string>? _departments;
    private readonly Dictionary<string, string> _regions = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<DepartmentInfo>> DepartmentsAsync(CancellationToken ct) =>
        (await departments.ListAsync(cancellationToken: ct)).Select(d => d with { Name = text[d.Name].Value })
        .OrderBy(d => d.Name, StringComparer.Ordinal).ToList();

    public async Task<string> NameAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code)) return "";
        if (code == "centre") return "12345";
        _departments ??= (await departments.ListAsync(includeInactive: true, ct)).ToDictionary(d => d.Code, d => text[d.Name].Value, StringComparer.Ordinal);
        if (_departments.TryGetValue(code, out var name)) return name;
        if (Recipients.IsRegionCode(code))
        {
            if (_regions.TryGetValue(code, out var region)) return region;
            return _regions[code] = (await regions.FindAsync(code, ct))?.Name ?? code;
        }
        return code;
    }

    /// <summary>Names for many codes at once (a page of a list).</summary>
    public async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> codes, CancellationToken ct)
    {
        var distinct = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        // Region names the page has not seen yet, in one query; departments come from one cached list.
        var unknown = distinct.Where(c => Recipients.IsRegionCode(c) && !_regions.ContainsKey(c)).ToList();
        foreach (var (code, name) in await regions.NamesAsync(unknown, ct)) _regions[code] = name;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in distinct) result[code] = await NameAsync(code, ct);
        return result;
    }
}
