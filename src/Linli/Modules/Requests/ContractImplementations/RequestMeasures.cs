using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.ContractImplementations;

/// <summary>
/// Rated and satisfied requests of the calendar year up to the date, per street, from the metrics' daily roll-up
/// (Domain/TicketDailyStats.cs): a year adds up a few hundred rows a street instead of reading every ticket.
/// </summary>
internal sealed class RequestMeasures(RequestsDbContext db) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new(MeasureCodes.RatedTickets, "本年已评价诉求数", "件"),
        new(MeasureCodes.SatisfiedTickets, "本年评价满意诉求数", "件"),
    ];

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var rated = code switch
        {
            MeasureCodes.RatedTickets => true,
            MeasureCodes.SatisfiedTickets => false,
            _ => throw new ArgumentException($"Requests publish no measure {code}.", nameof(code)),
        };
        var from = new DateOnly(asOf.Year, 1, 1);
        var days = db.TicketDailyStats.AsNoTracking().Where(s => s.Dimension == StatsDimension.Street && s.Day >= from && s.Day <= asOf);
        var sums = rated
            ? await days.GroupBy(s => s.Region).Select(g => new { g.Key, Value = g.Sum(s => s.Rated) }).ToListAsync(cancellationToken)
            : await days.GroupBy(s => s.Region).Select(g => new { g.Key, Value = g.Sum(s => s.Satisfied) }).ToListAsync(cancellationToken);
        return sums.Where(s => s.Value > 0).Select(s => new MeasureValue(s.Key, s.Value)).ToList();
    }
}
