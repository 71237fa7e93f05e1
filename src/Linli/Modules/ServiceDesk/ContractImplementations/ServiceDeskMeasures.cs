using Linli.Modules.Indicators.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.ContractImplementations;

/// <summary>
/// Cases received in the calendar year up to the date, per accepting community, from the statistics' daily roll-up
/// (Domain/CaseDailyStats.cs), so a year adds up day rows instead of reading every case.
/// </summary>
internal sealed class ServiceDeskMeasures(ServiceDeskDbContext db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } = [new(MeasureCodes.ServiceCasesReceived, "本年社区受理办件数", "件")];

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        if (code != MeasureCodes.ServiceCasesReceived) throw new ArgumentException($"The service desk publishes no measure {code}.", nameof(code));
        var from = new DateOnly(asOf.Year, 1, 1);
        var sums = await db.CaseDailyStats.AsNoTracking()
            .Where(s => s.Dimension == CaseStatsDimension.Community && s.Day >= from && s.Day <= asOf)
            .GroupBy(s => s.Region).Select(g => new { g.Key, Value = g.Sum(s => s.Received) })
            .ToListAsync(cancellationToken);
        return sums.Where(s => s.Value > 0).Select(s => new MeasureValue(s.Key, s.Value)).ToList();
    }
}
