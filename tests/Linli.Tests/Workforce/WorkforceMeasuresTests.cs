using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Workforce.ContractImplementations;
using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Workforce;

/// <summary>
/// The workforce's measures as of the end of a day, on workers written here into communities of their own (codes no
/// region has, so nothing else is counted with them): hiring, leaving and certification dates, and the year's trainings.
/// </summary>
public sealed class WorkforceMeasuresTests(WorkforceMeasuresApp app) : IClassFixture<WorkforceMeasuresApp>
{
    private static int _next;

    /// <summary>A community code of its own for each test.</summary>
    private static string NewCommunity() => $"99010100{Interlocked.Increment(ref _next):D4}";

    private async Task<int> AddWorkerAsync(string community, WorkerRole role, DateOnly hired, DateOnly? left = null, DateOnly? certified = null,
        params (DateOnly On, int Days)[] trainings) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WorkforceDbContext>();
            var worker = new Worker
            {
                Name = "测试某1（测）", Role = role, CommunityCode = community, BirthDate = new DateOnly(1985, 1, 1),
                HiredOn = hired, LeftOn = left, CertifiedOn = certified, EducationLevel = EducationLevel.Bachelor,
            };
            db.Workers.Add(worker);
            await db.SaveChangesAsync();
            foreach (var (on, days) in trainings)
                db.WorkerTrainings.Add(new WorkerTraining { WorkerId = worker.Id, CommunityCode = community, TrainedOn = on, Days = days });
            await db.SaveChangesAsync();
            return worker.Id;
        });

    private Task<double> ValueAsync(string code, string community, DateOnly asOf) => app.WithScopeAsync(async sp =>
    {
        // Resolved as the Indicators module resolves it, which also proves the registration.
        var source = sp.GetServices<IMeasureSource>().OfType<WorkforceMeasures>().Single();
        var values = await source.MeasureAsync(code, asOf);
        Assert.All(values, v => Assert.True(v.Value > 0, $"{v.RegionCode} has a zero value"));
        return values.SingleOrDefault(v => v.RegionCode == community)?.Value ?? 0;
    });

    [Fact]
    public async Task A_worker_certified_in_2023_counts_as_certified_at_the_end_of_2023_and_not_of_2021()
    {
        var community = NewCommunity();
        await AddWorkerAsync(community, WorkerRole.CommunityWorker, new DateOnly(2019, 3, 1), certified: new DateOnly(2023, 6, 10));

        Assert.Equal(1, await ValueAsync(MeasureCodes.CommunityWorkers, community, new DateOnly(2021, 12, 31)));
        Assert.Equal(0, await ValueAsync(MeasureCodes.CertifiedCommunityWorkers, community, new DateOnly(2021, 12, 31)));
        Assert.Equal(0, await ValueAsync(MeasureCodes.CertifiedCommunityWorkers, community, new DateOnly(2023, 6, 9)));
        // The end of the day the certificate was obtained already counts it.
        Assert.Equal(1, await ValueAsync(MeasureCodes.CertifiedCommunityWorkers, community, new DateOnly(2023, 6, 10)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CertifiedCommunityWorkers, community, new DateOnly(2023, 12, 31)));
    }

    [Fact]
    public async Task A_worker_who_left_in_2022_does_not_count_in_2023_and_one_hired_in_2024_not_before()
    {
        var community = NewCommunity();
        await AddWorkerAsync(community, WorkerRole.CommunityWorker, new DateOnly(2018, 5, 1), left: new DateOnly(2022, 7, 1), certified: new DateOnly(2019, 1, 1));
        await AddWorkerAsync(community, WorkerRole.CommunityWorker, new DateOnly(2024, 1, 1));

        Assert.Equal(1, await ValueAsync(MeasureCodes.CommunityWorkers, community, new DateOnly(2021, 12, 31)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CertifiedCommunityWorkers, community, new DateOnly(2021, 12, 31)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CommunityWorkers, community, new DateOnly(2022, 6, 30)));
        // Gone on the day they left.
        Assert.Equal(0, await ValueAsync(MeasureCodes.CommunityWorkers, community, new DateOnly(2022, 7, 1)));
        Assert.Equal(0, await ValueAsync(MeasureCodes.CommunityWorkers, community, new DateOnly(2023, 12, 31)));
        Assert.Equal(0, await ValueAsync(MeasureCodes.CertifiedCommunityWorkers, community, new DateOnly(2023, 12, 31)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CommunityWorkers, community, new DateOnly(2024, 1, 1)));
    }

    [Fact]
    public async Task Residents_committee_members_count_on_their_own_and_among_the_community_workers_but_village_members_do_not()
    {
        var community = NewCommunity();
        var village = NewCommunity();
        var day = new DateOnly(2022, 12, 31);
        await AddWorkerAsync(community, WorkerRole.ResidentsCommitteeMember, new DateOnly(2021, 3, 1));
        await AddWorkerAsync(community, WorkerRole.CommunityWorker, new DateOnly(2021, 3, 1));
        await AddWorkerAsync(village, WorkerRole.VillageCommitteeMember, new DateOnly(2021, 3, 1));

        Assert.Equal(2, await ValueAsync(MeasureCodes.CommunityWorkers, community, day));
        Assert.Equal(1, await ValueAsync(MeasureCodes.ResidentsCommitteeMembers, community, day));
        Assert.Equal(0, await ValueAsync(MeasureCodes.VillageCommitteeMembers, community, day));
        Assert.Equal(1, await ValueAsync(MeasureCodes.VillageCommitteeMembers, village, day));
        Assert.Equal(0, await ValueAsync(MeasureCodes.CommunityWorkers, village, day));
    }

    [Fact]
    public async Task Committee_members_count_as_trained_for_a_training_of_asOfs_year_up_to_that_day_while_serving()
    {
        var community = NewCommunity();
        var village = NewCommunity();
        await AddWorkerAsync(community, WorkerRole.ResidentsCommitteeMember, new DateOnly(2020, 1, 1), trainings: (new DateOnly(2023, 4, 1), 1));
        await AddWorkerAsync(community, WorkerRole.ResidentsCommitteeMember, new DateOnly(2020, 1, 1), trainings: (new DateOnly(2022, 11, 1), 5));
        // Trained in 2023, then gone before the year's end: not a trained member at the end of 2023.
        await AddWorkerAsync(community, WorkerRole.ResidentsCommitteeMember, new DateOnly(2020, 1, 1), left: new DateOnly(2023, 9, 1),
            trainings: (new DateOnly(2023, 5, 1), 2));
        await AddWorkerAsync(village, WorkerRole.VillageCommitteeMember, new DateOnly(2020, 1, 1), trainings: (new DateOnly(2023, 4, 1), 2));

        var end2023 = new DateOnly(2023, 12, 31);
        Assert.Equal(2, await ValueAsync(MeasureCodes.ResidentsCommitteeMembers, community, end2023));
        Assert.Equal(1, await ValueAsync(MeasureCodes.ResidentsCommitteeMembersTrained, community, end2023));
        Assert.Equal(1, await ValueAsync(MeasureCodes.ResidentsCommitteeMembersTrained, community, new DateOnly(2022, 12, 31)));
        Assert.Equal(0, await ValueAsync(MeasureCodes.ResidentsCommitteeMembersTrained, community, new DateOnly(2023, 3, 31)));
        Assert.Equal(2, await ValueAsync(MeasureCodes.ResidentsCommitteeMembersTrained, community, new DateOnly(2023, 6, 30)));
        Assert.Equal(0, await ValueAsync(MeasureCodes.ResidentsCommitteeMembersTrained, community, new DateOnly(2024, 12, 31)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.VillageCommitteeMembersTrained, village, end2023));
        Assert.Equal(0, await ValueAsync(MeasureCodes.VillageCommitteeMembersTrained, village, new DateOnly(2024, 12, 31)));
        Assert.Equal(0, await ValueAsync(MeasureCodes.VillageCommitteeMembersTrained, community, end2023));
    }

    [Fact]
    public async Task A_community_worker_counts_as_trained_3_days_when_the_years_trainings_add_up_to_3()
    {
        var community = NewCommunity();
        await AddWorkerAsync(community, WorkerRole.CommunityWorker, new DateOnly(2020, 1, 1), trainings: [(new DateOnly(2023, 3, 1), 2), (new DateOnly(2023, 10, 1), 1)]);
        await AddWorkerAsync(community, WorkerRole.CommunityWorker, new DateOnly(2020, 1, 1), trainings: [(new DateOnly(2023, 3, 1), 2), (new DateOnly(2022, 10, 1), 4)]);
        await AddWorkerAsync(community, WorkerRole.ResidentsCommitteeMember, new DateOnly(2020, 1, 1), trainings: (new DateOnly(2023, 6, 1), 3));

        Assert.Equal(2, await ValueAsync(MeasureCodes.CommunityWorkersTrainedThreeDays, community, new DateOnly(2023, 12, 31)));
        // Before October the first has 2 days of the year only.
        Assert.Equal(1, await ValueAsync(MeasureCodes.CommunityWorkersTrainedThreeDays, community, new DateOnly(2023, 9, 30)));
        Assert.Equal(1, await ValueAsync(MeasureCodes.CommunityWorkersTrainedThreeDays, community, new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public async Task An_unknown_measure_code_is_refused() =>
        await Assert.ThrowsAsync<ArgumentException>(() => app.WithScopeAsync(sp =>
            sp.GetServices<IMeasureSource>().OfType<WorkforceMeasures>().Single().MeasureAsync("workforce.no_such_measure", new DateOnly(2023, 12, 31))));

    [Fact]
    public void The_source_lists_every_workforce_code_it_answers() =>
        Assert.Equal(
            [MeasureCodes.CommunityWorkers, MeasureCodes.CertifiedCommunityWorkers, MeasureCodes.ResidentsCommitteeMembers,
             MeasureCodes.ResidentsCommitteeMembersTrained, MeasureCodes.VillageCommitteeMembers, MeasureCodes.VillageCommitteeMembersTrained,
             MeasureCodes.CommunityWorkersTrainedThreeDays],
            app.Service(sp => sp.GetServices<IMeasureSource>().OfType<WorkforceMeasures>().Single().Measures.Select(m => m.Code).ToArray()));
}

/// <summary>A fresh application of the test class's own (xUnit wants a fixture with one public constructor).</summary>
public sealed class WorkforceMeasuresApp : LinliFactory;
