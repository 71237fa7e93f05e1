using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Workforce;

/// <summary>
/// The synthetic city's workforce against the plan's 2020 facts: 9,758 urban community workers (29.1 % certified, average
/// age 41 on 2020-12-31, 99.5 % with a college degree) and 9,378 village committee members.
/// </summary>
[Collection("city")]
public sealed class WorkforceSeedTests(CityFixture city)
{
    private static readonly DateOnly ReferenceDate = new(2020, 12, 31);

    private sealed record Row(WorkerRole Role, string CommunityCode, DateOnly BirthDate, bool Certified, EducationLevel Education, string Name, bool IsSynthetic);

    // Outside a request the scope is the whole system, so the test reads every worker.
    private Task<List<Row>> WorkersAsync() =>
        city.App.WithScopeAsync(sp => sp.GetRequiredService<WorkforceDbContext>().Workers
            .Select(w => new Row(w.Role, w.CommunityCode, w.BirthDate, w.HasSocialWorkCertificate, w.EducationLevel, w.Name, w.IsSynthetic))
            .ToListAsync());

    private static int CompletedYears(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? 1 : 0);

    [Fact]
    public async Task The_city_has_9758_community_workers_29_1_percent_certified_averaging_41_years_with_college_degrees()
    {
        var workers = (await WorkersAsync()).Where(w => w.Role == WorkerRole.CommunityWorker).ToList();

        Assert.InRange(workers.Count, 9758 * 0.98, 9758 * 1.02);
        Assert.InRange(workers.Count(w => w.Certified) / (double)workers.Count, 0.291 * 0.98, 0.291 * 1.02);
        Assert.InRange(workers.Average(w => CompletedYears(w.BirthDate, ReferenceDate)), 41 * 0.98, 41 * 1.02);
        Assert.InRange(workers.Count(w => w.Education >= EducationLevel.College) / (double)workers.Count, 0.995 * 0.98, 1.0);
        Assert.All(workers, w => Assert.InRange(CompletedYears(w.BirthDate, ReferenceDate), 18, 65));
    }

    [Fact]
    public async Task The_city_has_9378_village_committee_members_about_six_a_village()
    {
        var members = (await WorkersAsync()).Where(w => w.Role == WorkerRole.VillageCommitteeMember).ToList();

        Assert.InRange(members.Count, 9378 * 0.98, 9378 * 1.02);
        Assert.All(members.GroupBy(m => m.CommunityCode), village => Assert.InRange(village.Count(), 3, 7));
    }

    [Fact]
    public async Task Community_workers_serve_urban_communities_and_committee_members_villages()
    {
        var workers = await WorkersAsync();
        var kindOf = (await city.App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community)))
            .ToDictionary(c => c.Code, c => c.Kind);

        Assert.All(workers, w => Assert.Equal(w.Role == WorkerRole.CommunityWorker ? RegionKind.UrbanCommunity : RegionKind.Village, kindOf[w.CommunityCode]));
        // Every urban community and every village has its people.
        Assert.Equal(kindOf.Count(k => k.Value is RegionKind.UrbanCommunity or RegionKind.Village), workers.Select(w => w.CommunityCode).Distinct().Count());
    }

    [Fact]
    public async Task Every_seeded_worker_is_visibly_synthetic() =>
        Assert.All(await WorkersAsync(), w =>
        {
            Assert.True(w.IsSynthetic);
            Assert.Matches("^.某\\d+（测）$", w.Name);
        });
}
