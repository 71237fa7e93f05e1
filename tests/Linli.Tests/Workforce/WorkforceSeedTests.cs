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
/// age 41 on 2020-12-31, 99.5 % with a college degree) and 9,378 village committee members, and the history after it:
/// growth toward the 2025 targets, some districts lagging.
/// </summary>
[Collection("city")]
public sealed class WorkforceSeedTests(CityFixture city)
{
    private static readonly DateOnly ReferenceDate = new(2020, 12, 31);

    private sealed record Row(WorkerRole Role, string CommunityCode, DateOnly BirthDate, DateOnly HiredOn, DateOnly? LeftOn, DateOnly? CertifiedOn,
        EducationLevel Education, string Name, bool IsSynthetic)
    {
        public bool ServesAt(DateOnly day) => HiredOn <= day && (LeftOn == null || LeftOn > day);
        public bool Certified => CertifiedOn <= ReferenceDate;
        /// <summary>Residents' committee members are community workers too.</summary>
        public bool IsCommunityWorker => Role is WorkerRole.CommunityWorker or WorkerRole.ResidentsCommitteeMember;
    }

    // Outside a request the scope is the whole system, so the test reads every worker.
    private Task<List<Row>> AllWorkersAsync() =>
        city.App.WithScopeAsync(sp => sp.GetRequiredService<WorkforceDbContext>().Workers
            .Select(w => new Row(w.Role, w.CommunityCode, w.BirthDate, w.HiredOn, w.LeftOn, w.CertifiedOn, w.EducationLevel, w.Name, w.IsSynthetic))
            .ToListAsync());

    /// <summary>The staff of the plan's baseline, the end of 2020.</summary>
    private async Task<List<Row>> WorkersAsync() => (await AllWorkersAsync()).Where(w => w.ServesAt(ReferenceDate)).ToList();

    private static int CompletedYears(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? 1 : 0);

    [Fact]
    public async Task The_city_has_9758_community_workers_29_1_percent_certified_averaging_41_years_with_college_degrees()
    {
        var workers = (await WorkersAsync()).Where(w => w.IsCommunityWorker).ToList();

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

        Assert.All(await AllWorkersAsync(), w => Assert.Equal(w.IsCommunityWorker ? RegionKind.UrbanCommunity : RegionKind.Village, kindOf[w.CommunityCode]));
        // Every urban community and every village has its people.
        Assert.Equal(kindOf.Count(k => k.Value is RegionKind.UrbanCommunity or RegionKind.Village), workers.Select(w => w.CommunityCode).Distinct().Count());
    }

    [Fact]
    public async Task Every_urban_community_has_a_residents_committee_of_5_to_7_or_its_whole_staff_at_every_year_end()
    {
        var all = await AllWorkersAsync();
        foreach (var year in new[] { 2020, 2021, 2023, 2025 })
        {
            var end = new DateOnly(year, 12, 31);
            Assert.All(all.Where(w => w.IsCommunityWorker && w.ServesAt(end)).GroupBy(w => w.CommunityCode), community =>
            {
                var members = community.Count(w => w.Role == WorkerRole.ResidentsCommitteeMember);
                Assert.InRange(members, Math.Min(5, community.Count()), 7);
            });
        }
    }

    [Fact]
    public async Task The_workforce_grows_toward_the_2025_targets_with_some_districts_lagging()
    {
        var all = await AllWorkersAsync();
        var end2025 = new DateOnly(2025, 12, 31);
        var baseline = all.Where(w => w.IsCommunityWorker && w.ServesAt(ReferenceDate)).ToList();
        var in2025 = all.Where(w => w.IsCommunityWorker && w.ServesAt(end2025)).ToList();

        // 12.73 per 10,000 in 2020, the target 22 (×1.73): the city gets most of the way.
        Assert.InRange(in2025.Count / (double)baseline.Count, 1.35, 1.73);
        Assert.InRange(in2025.Count(w => w.CertifiedOn <= end2025) / (double)in2025.Count, 0.36, 0.43);
        var growth = in2025.GroupBy(w => w.CommunityCode[..6]).ToDictionary(g => g.Key, g => g.Count() / (double)baseline.Count(w => w.CommunityCode[..6] == g.Key));
        Assert.True(growth.Values.Min() < 1.4, $"No district lags: {string.Join(", ", growth)}");
        Assert.True(growth.Values.Max() > 1.55, $"No district leads: {string.Join(", ", growth)}");
        // People left too, and nobody leaves before being hired.
        Assert.Contains(all, w => w.LeftOn is not null && w.LeftOn > ReferenceDate);
        Assert.All(all.Where(w => w.LeftOn is not null), w => Assert.True(w.LeftOn > w.HiredOn));
        Assert.All(all, w => Assert.True(w.HiredOn <= new DateOnly(2026, 10, 31)));
    }

    [Fact]
    public async Task Village_committees_keep_their_size_through_the_elections_of_2021()
    {
        var all = (await AllWorkersAsync()).Where(w => w.Role == WorkerRole.VillageCommitteeMember).ToList();
        var before = all.Where(w => w.ServesAt(ReferenceDate)).GroupBy(w => w.CommunityCode).ToDictionary(g => g.Key, g => g.Count());
        foreach (var day in new[] { new DateOnly(2021, 3, 15), new DateOnly(2024, 6, 30) })
            Assert.Equal(before, all.Where(w => w.ServesAt(day)).GroupBy(w => w.CommunityCode).ToDictionary(g => g.Key, g => g.Count()));
        Assert.True(all.Count(w => w.LeftOn is { Year: 2021 }) > before.Values.Sum() * 0.10);
    }

    [Fact]
    public async Task Every_seeded_worker_is_visibly_synthetic() =>
        Assert.All(await AllWorkersAsync(), w =>
        {
            Assert.True(w.IsSynthetic);
            Assert.Matches("^.某\\d+（测）$", w.Name);
        });
}
