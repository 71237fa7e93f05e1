using Linli.Modules.Facilities.Domain;
using Linli.Modules.Facilities.Features.Standards;
using Linli.Modules.Indicators.Contracts;

namespace Linli.Modules.Facilities.ContractImplementations;

/// <summary>
/// Units below each facility standard (Domain/FacilityStandards.cs) for the indicators: 1 for each community (street, for
/// the shelters) below the rule as of the day, so that a region's sum is the number of its units below standard.
/// </summary>
internal sealed class FacilityStandardsMeasures(StandardsQuery query) : IMeasureSource
{
    public const string Prefix = "facilities.below_standard.";

    public IReadOnlyList<MeasureInfo> Measures { get; } = FacilityStandards.Rules
        .Select(r => new MeasureInfo(Prefix + r.Code, "未达到“" + r.Name + "”标准的单位数", "个")).ToList();

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var rule = code.StartsWith(Prefix, StringComparison.Ordinal) ? code[Prefix.Length..] : null;
        if (rule is null || FacilityStandards.Rules.All(r => r.Code != rule)) throw new ArgumentException($"Facilities publish no measure {code}.", nameof(code));
        var result = await query.RunAsync(null, asOf, cancellationToken);
        return result.Below(rule).Select(u => new MeasureValue(u.Code, 1)).OrderBy(v => v.RegionCode, StringComparer.Ordinal).ToList();
    }
}
