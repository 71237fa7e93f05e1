using Linli.Modules.Indicators.Contracts;
using Linli.Modules.ServiceDesk.ContractImplementations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.ServiceDesk;

/// <summary>The service desk publishes the cases received in the calendar year up to a date, per accepting community.</summary>
[Collection("city")]
public sealed class ServiceDeskMeasuresTests(CityFixture city)
{
    [Fact]
    public async Task Cases_received_count_the_year_up_to_the_date_at_the_accepting_community_only()
    {
        const string community = "210199999901"; // a code no seeded community uses, so only these rows count there
        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ServiceDeskDbContext>();
            db.CaseDailyStats.AddRange(
                new CaseDailyStats { Day = new DateOnly(2021, 1, 1), Dimension = CaseStatsDimension.Community, Region = community, Key = "", Received = 2 },
                new CaseDailyStats { Day = new DateOnly(2021, 12, 31), Dimension = CaseStatsDimension.Community, Region = community, Key = "", Received = 3 },
                new CaseDailyStats { Day = new DateOnly(2020, 12, 31), Dimension = CaseStatsDimension.Community, Region = community, Key = "", Received = 7 },
                new CaseDailyStats { Day = new DateOnly(2022, 1, 1), Dimension = CaseStatsDimension.Community, Region = community, Key = "", Received = 11 },
                new CaseDailyStats { Day = new DateOnly(2021, 6, 1), Dimension = CaseStatsDimension.CommunityMonth, Region = community, Key = "", Received = 13 });
            return await db.SaveChangesAsync();
        });

        await city.App.WithScopeAsync(async sp =>
        {
            var source = sp.GetServices<IMeasureSource>().OfType<ServiceDeskMeasures>().Single();
            Assert.Equal(MeasureCodes.ServiceCasesReceived, Assert.Single(source.Measures).Code);
            Assert.Equal(5, (await source.MeasureAsync(MeasureCodes.ServiceCasesReceived, new DateOnly(2021, 12, 31))).Single(v => v.RegionCode == community).Value);
            Assert.Equal(2, (await source.MeasureAsync(MeasureCodes.ServiceCasesReceived, new DateOnly(2021, 6, 30))).Single(v => v.RegionCode == community).Value);
            Assert.DoesNotContain(await source.MeasureAsync(MeasureCodes.ServiceCasesReceived, new DateOnly(2023, 12, 31)), v => v.RegionCode == community);
            await Assert.ThrowsAsync<ArgumentException>(() => source.MeasureAsync("servicedesk.nothing", new DateOnly(2021, 12, 31)));
            return true;
        });
    }
}
