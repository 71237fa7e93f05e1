using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.ContractImplementations;

/// <summary>
/// The workforce's measures per community, as they stood at the end of <c>asOf</c>: who served then (Worker.ServesAt), who of
/// them held the certificate (Worker.CertifiedAt), and who of them was trained in asOf's year up to that day. Residents'
/// committee members are community workers too (WorkerRole), so the community workers' measures count both roles.
/// A count names nobody, so it reads past the scope filter, as WorkerCounter does.
/// </summary>
internal sealed class WorkforceMeasures(WorkforceDbContext db) : IMeasureSource
{
    /// <summary>S9 of data/indicators-2021-2025.json: at least 3 days of training a year.</summary>
    public const int TrainingDaysPerYear = 3;

    private static readonly WorkerRole[] CommunityWorkerRoles = [WorkerRole.CommunityWorker, WorkerRole.ResidentsCommitteeMember];

    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new(MeasureCodes.CommunityWorkers, "社区工作者人数", "人"),
        new(MeasureCodes.CertifiedCommunityWorkers, "取得社会工作职业资格证书的社区工作者人数", "人"),
        new(MeasureCodes.ResidentsCommitteeMembers, "居民委员会成员人数", "人"),
        new(MeasureCodes.ResidentsCommitteeMembersTrained, "本年参加培训的居民委员会成员人数", "人"),
        new(MeasureCodes.VillageCommitteeMembers, "村民委员会成员人数", "人"),
        new(MeasureCodes.VillageCommitteeMembersTrained, "本年参加培训的村民委员会成员人数", "人"),
        new(MeasureCodes.CommunityWorkersTrainedThreeDays, "本年培训不少于3天的社区工作者人数", "人"),
    ];

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var serving = db.Workers.IgnoreQueryFilters().AsNoTracking().Where(Worker.ServesAt(asOf));
        var yearStart = new DateOnly(asOf.Year, 1, 1);
        var trainings = db.WorkerTrainings.IgnoreQueryFilters().Where(t => t.TrainedOn >= yearStart && t.TrainedOn <= asOf);
        var counted = code switch
        {
            MeasureCodes.CommunityWorkers => serving.Where(w => CommunityWorkerRoles.Contains(w.Role)),
            MeasureCodes.CertifiedCommunityWorkers => serving.Where(w => CommunityWorkerRoles.Contains(w.Role)).Where(Worker.CertifiedAt(asOf)),
            MeasureCodes.ResidentsCommitteeMembers => serving.Where(w => w.Role == WorkerRole.ResidentsCommitteeMember),
            MeasureCodes.ResidentsCommitteeMembersTrained => serving.Where(w => w.Role == WorkerRole.ResidentsCommitteeMember
                && trainings.Any(t => t.WorkerId == w.Id)),
            MeasureCodes.VillageCommitteeMembers => serving.Where(w => w.Role == WorkerRole.VillageCommitteeMember),
            MeasureCodes.VillageCommitteeMembersTrained => serving.Where(w => w.Role == WorkerRole.VillageCommitteeMember
                && trainings.Any(t => t.WorkerId == w.Id)),
            MeasureCodes.CommunityWorkersTrainedThreeDays => serving.Where(w => CommunityWorkerRoles.Contains(w.Role)
                && trainings.Where(t => t.WorkerId == w.Id).Sum(t => t.Days) >= TrainingDaysPerYear),
            _ => throw new ArgumentException($"Workforce publishes no measure {code}.", nameof(code)),
        };
        var perCommunity = await counted.GroupBy(w => w.CommunityCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return perCommunity.Where(c => c.Count > 0).Select(c => new MeasureValue(c.Key, c.Count)).ToList();
    }
}
