using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Modules.Workforce.Domain;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.Seeding;

/// <summary>
/// The workforce part of the synthetic city: community workers and residents' committee members in urban communities,
/// committee members in villages, and their trainings, as a history from the plan's baseline (2020-12-31) to
/// <see cref="LastDay"/>.
/// <para>
/// Calibration on the plan's 2020 facts: 9,758 urban community workers (average age 41, 99.5 % with a college degree, 29.1 %
/// with a social-work certificate — the indicator table's baseline; the plan's text also says 3,858 = 39.5 %, which
/// contradicts it) and 9,378 village committee members. Those counts were taken on the 2020 tree (955 urban communities,
/// 1,527 villages); the product imports the 2023 tree (1,153 and 1,539), and the generator keeps the TOTALS, spread
/// over today's units: workers in proportion to each community's full-scale households (<see cref="CityProfile"/>), committee
/// members evenly (about 6.1 a village, 3–7 as the law on village committees allows). Ages are in completed years on
/// <see cref="ReferenceDate"/>, the end of the plan's baseline year, so the statistics never drift with the calendar.
/// 5–7 of each urban community's workers sit on its residents' committee (the law asks 5–9 members; a small community's
/// whole staff when it has fewer).
/// </para>
/// <para>
/// From 2021 each year some leave (5 % of the workers, 3 % of the committee members, 15 % of the committees at the 2021
/// elections, 换届), leaving committee seats are filled the same day, and each urban community hires toward the plan's 2025
/// target of 22 workers per 10,000 urban residents (data/indicators-2021-2025.json, 5) at its district's pace: most
/// districts get 75–100 % of the way, a quarter lag at 35–55 %. Certificates move from 29.1 % toward the 40 % target at the
/// same pace, and trainings are drawn per year: a community worker trains at least 3 days with a share rising from 78 %,
/// committee members are trained nearly all (the plan's baseline is 100 %), the lagging districts less.
/// </para>
/// <para>
/// Each community draws from its own streams <c>SeedRandom.For(seed, "workforce", code)</c> (the 2020 staff) and
/// <c>"workforce-history"</c> (what follows); city-level streams correct the stochastic rounding so the 2020 totals (and the
/// 29.1 % of certificates) are exact. Nothing depends on the scale.
/// </para>
/// </summary>
internal sealed class WorkforceCitySeeder(WorkforceDbContext db, IRegionDirectory regions) : ICitySeeder
{
    public const int UrbanCommunityWorkers = 9_758;
    public const int VillageCommitteeMembers = 9_378;
    public const double CertifiedShare = 0.291;
    public const int MeanWorkerAge = 41;
    public static readonly DateOnly ReferenceDate = new(2020, 12, 31);
    /// <summary>The synthetic history ends here (a fixed day, so the same seed gives the same city on any day it runs).</summary>
    public static readonly DateOnly LastDay = new(2026, 10, 31);

    /// <summary>The plan's 2025 targets (data/indicators-2021-2025.json, 5 and 12) and its 2020 baseline of workers per 10,000.</summary>
    private const double BaselinePer10K = 12.73, TargetPer10K = 22, TargetCertifiedShare = 0.40;

    public int Order => 50;
    public string Name => "workforce (community workers, committee members, trainings)";

    // Common surnames; with "某", a number and "（测）" no name can be taken for a real person.
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗",
        "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕",
    ];

    /// <summary>One seeded person, changed as the history runs (who leaves, who gets certified).</summary>
    private sealed class Person(string name, Gender gender, DateOnly birthDate, WorkerRole role, string communityCode, DateOnly hiredOn, EducationLevel education)
    {
        public string Name { get; } = name;
        public Gender Gender { get; } = gender;
        public DateOnly BirthDate { get; } = birthDate;
        public WorkerRole Role { get; set; } = role;
        public string CommunityCode { get; } = communityCode;
        public DateOnly HiredOn { get; } = hiredOn;
        public DateOnly? LeftOn { get; set; }
        public DateOnly? CertifiedOn { get; set; }
        public EducationLevel Education { get; } = education;
        public List<(DateOnly On, int Days)> Trainings { get; } = [];
        public bool ServesAt(DateOnly day) => HiredOn <= day && (LeftOn == null || LeftOn > day);
    }

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.Workers.IgnoreQueryFilters().AnyAsync(w => w.IsSynthetic, cancellationToken);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var communities = await regions.ListAsync(RegionLevel.Community, cancellationToken: cancellationToken);
        var urban = communities.Where(c => c.Kind == RegionKind.UrbanCommunity).ToList();
        var villages = communities.Where(c => c.Kind == RegionKind.Village).ToList();

        var people = new List<Person>();
        if (urban.Count > 0)
        {
            var households = urban.Select(c => (double)CityProfile.FullScaleHouseholds(options.Seed, c.Code, true, false, urban.Count, villages.Count)).ToArray();
            var total = households.Sum();
            var streams = urban.Select(c => SeedRandom.For(options.Seed, "workforce", c.Code)).ToArray();
            var counts = streams.Select((r, i) => Math.Max(1, r.RoundStochastic(UrbanCommunityWorkers * households[i] / total))).ToArray();
            SeedRandom.For(options.Seed, "workforce", "total-workers").CorrectTotal(counts, UrbanCommunityWorkers, min: 1);
            var staffs = new List<Person>[urban.Count];
            var certifiedFlags = new List<int>();
            for (var i = 0; i < urban.Count; i++)
            {
                staffs[i] = [];
                for (var n = 1; n <= counts[i]; n++)
                {
                    var (person, certified) = CommunityWorker(streams[i], urban[i].Code, n);
                    staffs[i].Add(person);
                    certifiedFlags.Add(certified ? 1 : 0);
                }
            }
            // Independent draws meet 29.1 % only on average; make the share exact.
            var certifiedAll = certifiedFlags.ToArray();
            SeedRandom.For(options.Seed, "workforce", "total-certificates").CorrectTotal(certifiedAll, (long)Math.Round(CertifiedShare * UrbanCommunityWorkers), max: 1);
            var k = 0;
            for (var i = 0; i < urban.Count; i++)
            {
                foreach (var person in staffs[i])
                    if (certifiedAll[k++] == 1) person.CertifiedOn = CertifiedBefore(streams[i], ReferenceDate);
                var history = SeedRandom.For(options.Seed, "workforce-history", urban[i].Code);
                UrbanHistory(history, staffs[i], DistrictPace(options.Seed, urban[i].Code));
                people.AddRange(staffs[i]);
            }
        }
        if (villages.Count > 0)
        {
            var streams = villages.Select(c => SeedRandom.For(options.Seed, "workforce", c.Code)).ToArray();
            var counts = streams.Select(r => Math.Clamp(r.RoundStochastic(VillageCommitteeMembers / (double)villages.Count), 3, 7)).ToArray();
            SeedRandom.For(options.Seed, "workforce", "total-committee").CorrectTotal(counts, VillageCommitteeMembers, min: 3, max: 7);
            for (var i = 0; i < villages.Count; i++)
            {
                var committee = new List<Person>();
                for (var n = 1; n <= counts[i]; n++) committee.Add(CommitteeMember(streams[i], villages[i].Code, n, ReferenceDate, baseline: true));
                VillageHistory(SeedRandom.For(options.Seed, "workforce-history", villages[i].Code), committee, DistrictPace(options.Seed, villages[i].Code));
                people.AddRange(committee);
            }
        }

        var written = await BulkWriter.WriteAsync<Worker>(db,
            [nameof(Worker.Name), nameof(Worker.Gender), nameof(Worker.BirthDate), nameof(Worker.Role), nameof(Worker.CommunityCode),
             nameof(Worker.HiredOn), nameof(Worker.LeftOn), nameof(Worker.CertifiedOn), nameof(Worker.EducationLevel), nameof(Worker.IsSynthetic)],
            people.Select(p => new object?[] { p.Name, (int)p.Gender, p.BirthDate, (int)p.Role, p.CommunityCode, p.HiredOn, p.LeftOn, p.CertifiedOn, (int)p.Education, true }),
            cancellationToken);
        // A name is unique within its community (the ordinal), so the keys the database gave come back by community and name.
        var ids = (await db.Workers.IgnoreQueryFilters().AsNoTracking().Where(w => w.IsSynthetic)
                .Select(w => new { w.Id, w.CommunityCode, w.Name }).ToListAsync(cancellationToken))
            .ToDictionary(w => (w.CommunityCode, w.Name), w => w.Id);
        var trainings = await BulkWriter.WriteAsync<WorkerTraining>(db,
            [nameof(WorkerTraining.WorkerId), nameof(WorkerTraining.CommunityCode), nameof(WorkerTraining.TrainedOn), nameof(WorkerTraining.Days), nameof(WorkerTraining.IsSynthetic)],
            people.SelectMany(p => p.Trainings.Select(t => new object?[] { ids[(p.CommunityCode, p.Name)], p.CommunityCode, t.On, t.Days, true })),
            cancellationToken);
        progress.Report($"workforce: {written} workers 2020–{LastDay.Year} ({UrbanCommunityWorkers} community workers, {VillageCommitteeMembers} village committee members on {ReferenceDate:yyyy-MM-dd}), {trainings} trainings");
    }

    /// <summary>How far toward the 2025 targets a district gets by 2025 (1 = all the way): a quarter of the districts lag.</summary>
    private static double DistrictPace(int seed, string communityCode)
    {
        var random = SeedRandom.For(seed, "workforce-district", communityCode[..6]);
        return random.NextDouble() < 0.25 ? 0.35 + 0.20 * random.NextDouble() : 0.75 + 0.25 * random.NextDouble();
    }

    /// <summary>Share of the way from 2020 to the 2025 targets at the end of <paramref name="year"/>; 2026 goes on a little.</summary>
    private static double Progress(int year) => Math.Min(year - ReferenceDate.Year, 5.5) / 5.0;

    private static DateOnly YearEnd(int year) => year >= LastDay.Year ? LastDay : new DateOnly(year, 12, 31);

    private static void UrbanHistory(Random random, List<Person> staff, double pace)
    {
        var community = staff[0].CommunityCode;
        var ordinal = staff.Count;
        // The residents' committee: the first 5–7 of the 2020 staff; a staff too small for it fills it as it grows.
        var committeeSize = 5 + random.Next(3);
        foreach (var member in staff.Take(committeeSize)) member.Role = WorkerRole.ResidentsCommitteeMember;
        var baseline = staff.Count;
        var growth = 1 + pace * (TargetPer10K / BaselinePer10K - 1);
        var certifiedTarget = CertifiedShare + pace * (TargetCertifiedShare + 0.02 - CertifiedShare);
        Train(random, staff, ReferenceDate.Year, pace);
        for (var year = ReferenceDate.Year + 1; year <= LastDay.Year; year++)
        {
            var (start, end) = (new DateOnly(year, 1, 1), YearEnd(year));
            foreach (var person in staff.Where(p => p.LeftOn == null).ToList())
            {
                var committee = person.Role == WorkerRole.ResidentsCommitteeMember;
                if (random.NextDouble() >= (committee && year == 2021 ? 0.15 : 0.05)) continue;
                person.LeftOn = committee && year == 2021 ? RandomDay(random, start, new DateOnly(2021, 5, 31)) : RandomDay(random, start, end);
                // A committee seat is filled the day it is left.
                if (committee) staff.Add(NewHire(random, community, ++ordinal, person.LeftOn.Value, WorkerRole.ResidentsCommitteeMember));
            }
            var wanted = random.RoundStochastic(baseline * (1 + (growth - 1) * Progress(year)));
            for (var serving = staff.Count(p => p.LeftOn == null); serving < wanted; serving++)
            {
                var seats = staff.Count(p => p.LeftOn == null && p.Role == WorkerRole.ResidentsCommitteeMember) < committeeSize;
                staff.Add(NewHire(random, community, ++ordinal, RandomDay(random, start, end), seats ? WorkerRole.ResidentsCommitteeMember : WorkerRole.CommunityWorker));
            }

            // Certificates toward the district's share of the serving staff at the year's end.
            var servingAtEnd = staff.Where(p => p.ServesAt(end)).ToList();
            var share = CertifiedShare + (certifiedTarget - CertifiedShare) * Progress(year);
            var missing = random.RoundStochastic(share * servingAtEnd.Count) - servingAtEnd.Count(p => p.CertifiedOn <= end);
            var candidates = servingAtEnd.Where(p => p.CertifiedOn == null).ToArray();
            random.Shuffle(candidates);
            foreach (var person in candidates.Take(Math.Max(0, missing)))
                person.CertifiedOn = RandomDay(random, person.HiredOn > start ? person.HiredOn : start, end);
            Train(random, staff, year, pace);
        }
    }

    private static void VillageHistory(Random random, List<Person> committee, double pace)
    {
        var village = committee[0].CommunityCode;
        var ordinal = committee.Count;
        Train(random, committee, ReferenceDate.Year, pace);
        for (var year = ReferenceDate.Year + 1; year <= LastDay.Year; year++)
        {
            var (start, end) = (new DateOnly(year, 1, 1), YearEnd(year));
            foreach (var member in committee.Where(p => p.LeftOn == null).ToList())
            {
                if (random.NextDouble() >= (year == 2021 ? 0.15 : 0.03)) continue;
                member.LeftOn = year == 2021 ? RandomDay(random, start, new DateOnly(2021, 5, 31)) : RandomDay(random, start, end);
                committee.Add(CommitteeMember(random, village, ++ordinal, member.LeftOn.Value, baseline: false));
            }
            Train(random, committee, year, pace);
        }
    }

    /// <summary>
    /// The year's trainings of everyone serving some day of it: community workers at least 3 days with a share rising from 78 %
    /// at the district's pace, committee members nearly all trained (the lagging districts miss a few).
    /// </summary>
    private static void Train(Random random, List<Person> people, int year, double pace)
    {
        var (start, end) = (new DateOnly(year, 1, 1), YearEnd(year));
        var threeDays = Math.Min(0.99, 0.78 + 0.21 * pace * Progress(year));
        var committeeTrained = 1 - (1 - pace) * 0.10;
        foreach (var person in people)
        {
            var from = person.HiredOn > start ? person.HiredOn : start;
            var to = person.LeftOn is { } left && left.AddDays(-1) < end ? left.AddDays(-1) : end;
            if (from > to) continue;
            var days = person.Role switch
            {
                WorkerRole.CommunityWorker => random.NextDouble() < threeDays ? 3 + random.Next(4) : random.NextDouble() < 0.9 ? 1 + random.Next(2) : 0,
                WorkerRole.ResidentsCommitteeMember => random.NextDouble() < committeeTrained ? (random.NextDouble() < threeDays ? 3 + random.Next(4) : 1 + random.Next(2)) : 0,
                _ => random.NextDouble() < committeeTrained ? 2 + random.Next(4) : 0,
            };
            if (days > 0) person.Trainings.Add((RandomDay(random, from, to), days));
        }
    }

    private static (Person Person, bool Certified) CommunityWorker(Random random, string community, int ordinal)
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
        var birth = BirthDate(random, age);
        return (new Person(PersonName(random, ordinal), gender, birth, WorkerRole.CommunityWorker, community, HiredBefore(random, birth, 20), education), certified);
    }

    /// <summary>A worker hired from 2021 on: younger than the 2020 staff, some already certified.</summary>
    private static Person NewHire(Random random, string community, int ordinal, DateOnly hiredOn, WorkerRole role)
    {
        var gender = random.NextDouble() < 0.75 ? Gender.Female : Gender.Male;
        var age = (int)Math.Round(Math.Clamp(31 + 5 * random.NextGaussian(), 22, 50));
        var education = random.NextDouble() < 0.35 ? EducationLevel.College : random.NextDouble() < 0.9 ? EducationLevel.Bachelor : EducationLevel.Postgraduate;
        var person = new Person(PersonName(random, ordinal), gender, hiredOn.AddYears(-age).AddDays(-random.Next(365)), role, community, hiredOn, education);
        if (random.NextDouble() < 0.20) person.CertifiedOn = CertifiedBefore(random, hiredOn);
        return person;
    }

    private static Person CommitteeMember(Random random, string village, int ordinal, DateOnly onDay, bool baseline)
    {
        var gender = random.NextDouble() < 0.30 ? Gender.Female : Gender.Male;
        var age = (int)Math.Round(Math.Clamp(50 + 9 * random.NextGaussian(), 25, 70));
        var u = random.NextDouble();
        var education = u < 0.15 ? EducationLevel.JuniorHighOrBelow
            : u < 0.55 ? EducationLevel.HighSchool
            : u < 0.85 ? EducationLevel.College
            : EducationLevel.Bachelor;
        var certified = random.NextDouble() < 0.05;
        // Ages of the 2020 committee are on the reference date; a later member's on the day of joining.
        var birth = onDay.AddYears(-age).AddDays(-random.Next(365));
        var person = new Person(PersonName(random, ordinal), gender, birth, WorkerRole.VillageCommitteeMember, village,
            baseline ? HiredBefore(random, birth, 15) : onDay, education);
        if (certified) person.CertifiedOn = CertifiedBefore(random, onDay);
        return person;
    }

    private static string PersonName(Random random, int ordinal) => $"{Surnames[random.Next(Surnames.Length)]}某{ordinal}（测）";

    /// <summary>A birth date giving exactly <paramref name="age"/> completed years on <see cref="ReferenceDate"/>.</summary>
    private static DateOnly BirthDate(Random random, int age) => ReferenceDate.AddYears(-age).AddDays(-random.Next(365));

    /// <summary>A hiring day on or before the reference date, up to <paramref name="maxYears"/> years back, never before 20.</summary>
    private static DateOnly HiredBefore(Random random, DateOnly birth, int maxYears)
    {
        var earliest = birth.AddYears(20) > ReferenceDate.AddYears(-maxYears) ? birth.AddYears(20) : ReferenceDate.AddYears(-maxYears);
        return earliest >= ReferenceDate ? ReferenceDate : RandomDay(random, earliest, ReferenceDate);
    }

    /// <summary>A certificate obtained up to 8 years before <paramref name="day"/> (the national examination began in 2008).</summary>
    private static DateOnly CertifiedBefore(Random random, DateOnly day) => day.AddDays(-random.Next(8 * 365));

    private static DateOnly RandomDay(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));
}
