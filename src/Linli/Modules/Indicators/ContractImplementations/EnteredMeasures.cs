using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Indicators.Data;
using Linli.Modules.Indicators.Domain.DataEntry;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Indicators.ContractImplementations;

/// <summary>
/// The measures entered by hand: the district-approved value of each community for the year of <c>asOf</c>. A value still
/// under review counts as not there (暂无数据), never as the draft's number.
/// </summary>
internal sealed class EnteredMeasures(IndicatorsDbContext db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } = EntryRules.Measures.Values.Select(m => m.Info).ToList();

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (!EntryRules.Measures.ContainsKey(code)) throw new ArgumentException($"Unknown measure '{code}'.", nameof(code));
        var rows = await db.Entries.AsNoTracking()
            .Where(e => e.MeasureCode == code && e.Year == asOf.Year && e.Status == EntryStatus.DistrictApproved && e.Value != null && e.Value != 0)
            .GroupBy(e => e.CommunityCode)
            .Select(g => new { Code = g.Key, Value = g.Sum(e => e.Value!.Value) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new MeasureValue(r.Code, r.Value)).ToList();
    }
}
