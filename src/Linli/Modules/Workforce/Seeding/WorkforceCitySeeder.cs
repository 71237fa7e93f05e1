using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Domain;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.Seeding;

/// <summary>
/// The workforce part of the synthetic city: community workers in urban communities and committee members in villages.
/// <para>
/// Calibration on the plan's 2020 facts: 9,758 urban community workers (average age 41, 99.5 % with a college degree, 29.1 %
/// with a social-work certificate — the indicator table's baseline; the plan's text also says 3,858 = 39.5 %, which
/// contradicts it) and 9,378 village committee members. Those counts were taken on the 2020 tree (955 urban communities,
/// 1,527 villages); the product imports the 2023 tree (1,153 and 1,539), and the generator keeps the TOTALS, spread
/// over today's units: workers in proportion to each community's full-scale households (<see cref="CityProfile"/>), committee
/// members evenly (about 6.1 a village, 3–7 as the law on village committees allows). Ages are in completed years on
/// <see cref="ReferenceDate"/>, the end of the plan's baseline year, so the statistics never drift with the calendar.
/// </para>
/// <para>
/// Each community draws from its own stream <c>SeedRandom.For(seed, "workforce", code)</c>; city-level streams correct the
/// stochastic rounding so the totals (and the 29.1 % of certificates) are exact. Nothing depends on the scale.
/// </para>
/// </summary>
internal sealed class WorkforceCitySeeder(WorkforceDbContext db, IRegionDirectory regions) : ICitySeeder
{
    public const int UrbanCommunityWorkers = 9_758;
    public const int VillageCommitteeMembers = 9_378;
    public const double CertifiedShare = 0.291;
    public const int MeanWorkerAge = 41;
    public static readonly DateOnly ReferenceDate = new(2020, 12, 31);

    public int Order => 50;
    public string Name => "workforce (community workers, village committee members)";

    // Common surnames; with "某", a number and "（测）" no name can be taken for a real person.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
    ];

    private sealed record Draft(string Name, Gender Gender, DateOnly BirthDate, WorkerRole Role, string CommunityCode, bool Certified, EducationLevel Education);

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.Workers.IgnoreQueryFilters().AnyAsync(w => w.IsSynthetic, cancellationToken);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var communities = await regions.ListAsync(RegionLevel.Community, cancellationToken: cancellationToken);
        var urban = communities.Where(c => c.Kind == RegionKind.UrbanCommunity).ToList();
        var villages = communities.Where(c => c.Kind == RegionKind.Village).ToList();

        var drafts = new List<Draft>(UrbanCommunityWorkers + VillageCommitteeMembers);
        if (urban.Count > 0)
        {
            var households = urban.Select(c => (double)CityProfile.FullScaleHouseholds(options.Seed, c.Code, true, false, urban.Count, villages.Count)).ToArray();
            var total = households.Sum();
            var streams = urban.Select(c => SeedRandom.For(options.Seed, "workforce", c.Code)).ToArray();
            var counts = streams.Select((r, i) => Math.Max(1, r.RoundStochastic(UrbanCommunityWorkers * households[i] / total))).ToArray();
            SeedRandom.For(options.Seed, "workforce", "total-workers").CorrectTotal(counts, UrbanCommunityWorkers, min: 1);
            var first = drafts.Count;
            for (var i = 0; i < urban.Count; i++)
                for (var n = 1; n <= counts[i]; n++) drafts.Add(CommunityWorker(streams[i], urban[i].Code, n));

            // Independent draws meet 29.1 % only on average; make the share exact.
            var certified = drafts.Skip(first).Select(d => d.Certified ? 1 : 0).ToArray();
            SeedRandom.For(options.Seed, "workforce", "total-certificates").CorrectTotal(certified, (long)Math.Round(CertifiedShare * UrbanCommunityWorkers), max: 1);
            for (var i = 0; i < certified.Length; i++) drafts[first + i] = drafts[first + i] with { Certified = certified[i] == 1 };
        }
        if (villages.Count > 0)
        {
            var streams = villages.Select(c => SeedRandom.For(options.Seed, "workforce", c.Code)).ToArray();
            var counts = streams.Select(r => Math.Clamp(r.RoundStochastic(VillageCommitteeMembers / (double)villages.Count), 3, 7)).ToArray();
            SeedRandom.For(options.Seed, "workforce", "total-committee").CorrectTotal(counts, VillageCommitteeMembers, min: 3, max: 7);
            for (var i = 0; i < villages.Count; i++)
                for (var n = 1; n <= counts[i]; n++) drafts.Add(CommitteeMember(streams[i], villages[i].Code, n));
        }

        var written = await BulkWriter.WriteAsync<Worker>(db,
            [nameof(Worker.Name), nameof(Worker.Gender), nameof(Worker.BirthDate), nameof(Worker.Role), nameof(Worker.CommunityCode),
             nameof(Worker.HasSocialWorkCertificate), nameof(Worker.EducationLevel), nameof(Worker.IsSynthetic)],
            drafts.Select(d => new object?[] { d.Name, (int)d.Gender, d.BirthDate, (int)d.Role, d.CommunityCode, d.Certified, (int)d.Education, true }),
            cancellationToken);
        progress.Report($"workforce: {written} workers ({UrbanCommunityWorkers} community workers, {VillageCommitteeMembers} village committee members)");
    }

    private static Draft CommunityWorker(Random random, string community, int ordinal)
    {
        var gender = random.NextDouble() < 0.78 ? Gender.Female : Gender.Male;
        // Symmetric around 41 (±2.25 sd), so the mean age stays 41.
        var age = (int)Math.Round(Math.Clamp(MeanWorkerAge + 8 * random.NextGaussian(), MeanWorkerAge - 18, MeanWorkerAge + 18));
        var u = random.NextDouble();
        var education = u < 0.005 ? EducationLevel.HighSchool
            : u < 0.40 ? EducationLevel.College
            : u < 0.95 ? EducationLevel.Bachelor
            : EducationLevel.Postgraduate;
        var certified = random.NextDouble() < CertifiedShare;
        return new Draft(PersonName(random, ordinal), gender, BirthDate(random, age), WorkerRole.CommunityWorker, community, certified, education);
    }

    private static Draft CommitteeMember(Random random, string village, int ordinal)
    {
        var gender = random.NextDouble() < 0.30 ? Gender.Female : Gender.Male;
        var age = (int)Math.Round(Math.Clamp(50 + 9 * random.NextGaussian(), 25, 70));
        var u = random.NextDouble();
        var education = u < 0.15 ? EducationLevel.JuniorHighOrBelow
            : u < 0.55 ? EducationLevel.HighSchool
            : u < 0.85 ? EducationLevel.College
            : EducationLevel.Bachelor;
        var certified = random.NextDouble() < 0.05;
        return new Draft(PersonName(random, ordinal), gender, BirthDate(random, age), WorkerRole.VillageCommitteeMember, village, certified, education);
    }

    private static string PersonName(Random random, int ordinal) => $"{Surnames[random.Next(Surnames.Length)]}某{ordinal}（测）";

    /// <summary>A birth date giving exactly <paramref name="age"/> completed years on <see cref="ReferenceDate"/>.</summary>
    private static DateOnly BirthDate(Random random, int age) => ReferenceDate.AddYears(-age).AddDays(-random.Next(365));
}
