using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Calendar;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Seeding;

/// <summary>
/// A year of synthetic service cases (办件), about <see cref="CasesAtFullScale"/> at scale 1 (the plan's 583,000 city-wide
/// cases a year), ending at the start of the seeding day (China time); each day draws from its own stream (seed, date).
/// Applicants are synthetic residents of the pool taken evenly over it (<see cref="ISyntheticResidents"/>), so communities
/// get cases in proportion to their population; most apply at their home community, some elsewhere in their district
/// and a few across the city (全市通办, city-wide items only; a local item only where the district's 代办 list has it).
/// Items follow weights drawn per item from the published catalog, modes the item's allowed ones. Each case is walked
/// through <see cref="CaseTransitions"/> (so no history reaches a state the table forbids) with its promised limit kept
/// by a <see cref="CaseDueTime"/> on the working calendar exactly as the workflow keeps it (stopped while waiting for
/// completion and during non-counting steps): about 12 % get a one-time notice (补正), 3 % are refused at acceptance,
/// most are decided within the limit and about 5 % late, then handed over and rated by about 40 % of applicants (never
/// forced), with every 差评 followed up (a few late, a few still open). A door-to-door case (上门办, for applicants tagged 80+,
/// disabled or living alone) starts with its home visit booked and recorded. The year's last days leave open cases with their
/// due times stored for the watcher. Rows stream to <see cref="BulkWriter"/> with explicit ids, never through change
/// tracking; no outbox messages are written for history. <c>ServiceDesk:HistoryScale</c> overrides the scale for cases.
/// </summary>
internal sealed class CaseHistorySeeder(ServiceDeskDbContext db, IRegionDirectory regions, ISyntheticResidents residents, WorkingCalendar calendar,
    IConfiguration configuration, TimeProvider clock, IOptions<CaseOptions> caseOptions) : ICitySeeder
{
    public const int CasesAtFullScale = 583_000;
    public const string SeedUser = "synthetic";
    private const int FlushEvery = 20_000;

    /// <summary>Shares of the designed outcomes; the tests hold the seeded year to them.</summary>
    public const double NoticeShare = 0.12, RefuseShare = 0.03, ByLawShare = 0.005, LateShare = 0.05, RejectShare = 0.07, RatedShare = 0.40;

    /// <summary>Where applicants apply: at home, elsewhere in their district, elsewhere in the city (city-wide items only).</summary>
    public const double AtHomeShare = 0.86, InDistrictShare = 0.09;

    /// <summary>How cases are handled, before the item's allowed modes narrow the choice.</summary>
    public static readonly IReadOnlyDictionary<HandlingModes, double> ModeWeights = new Dictionary<HandlingModes, double>
    {
        [HandlingModes.Window] = 0.60, [HandlingModes.Proxy] = 0.11, [HandlingModes.DoorToDoor] = 0.05, [HandlingModes.Appointment] = 0.08,
        [HandlingModes.SelfService] = 0.04, [HandlingModes.Online] = 0.12,
    };

    /// <summary>Levels of the ratings given (好差评): most satisfied, about 6 % 差评.</summary>
    public static readonly IReadOnlyDictionary<RatingLevel, double> LevelShares = new Dictionary<RatingLevel, double>
    {
        [RatingLevel.VerySatisfied] = 0.56, [RatingLevel.Satisfied] = 0.29, [RatingLevel.FairlySatisfied] = 0.09,
        [RatingLevel.Dissatisfied] = 0.04, [RatingLevel.VeryDissatisfied] = 0.02,
    };

    private static readonly PopulationTagKind[] HomeVisitTags = [PopulationTagKind.Elderly80, PopulationTagKind.Disabled, PopulationTagKind.LivingAlone];

    internal WorkingCalendar Calendar => calendar;
    internal CaseOptions CaseOptions => caseOptions.Value;

    public int Order => 65;
    public string Name => "servicedesk (a year of cases)";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.ServiceCases.IgnoreQueryFilters().AnyAsync(c => c.OwnerUserId.StartsWith(SeedUser), cancellationToken);

    internal sealed record Item(long Id, long VersionId, string Name, string Department, int PromisedDays, HandlingModes Modes, bool CityWide,
        NonCountingSteps NonCounting, HashSet<string> Districts, ItemMaterial[] Materials, double Weight);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var scale = configuration.GetValue<double?>("ServiceDesk:HistoryScale") ?? options.Scale;
        var items = await ItemsAsync(options.Seed, cancellationToken);
        var communities = (await regions.ListAsync(RegionLevel.Community, "", cancellationToken)).Select(c => c.Code).Order(StringComparer.Ordinal).ToArray();
        var expected = CasesAtFullScale * scale;
        // Enough applicants that few apply twice in the year, at most 200,000 in memory.
        var applicants = communities.Length == 0 ? [] : await residents.SampleAsync((int)Math.Clamp(expected * 1.2, 1, 200_000), cancellationToken);
        if (items.All(i => !i.CityWide) || applicants.Count == 0 || scale <= 0)
        {
            progress.Report("servicedesk: no published items or no residents, no cases");
            return;
        }
        var byDistrict = communities.GroupBy(c => c[..6]).ToDictionary(g => g.Key, g => g.ToArray());
        var itemCdf = Cumulative(items.Select(i => i.Weight));
        var cityWide = items.Where(i => i.CityWide).ToArray();

        var todayChina = WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime);
        var end = WorkingCalendar.ToUtc(todayChina.ToDateTime(TimeOnly.MinValue));
        var days = Enumerable.Range(0, 365).Select(i => todayChina.AddDays(i - 365)).ToArray();
        // Windows work on working days (调休 weekends included); online applications come every day.
        var dayWeights = days.Select(d => calendar.IsWorkingDay(d) ? 1.0 : 0.12).ToArray();
        var weightSum = dayWeights.Sum();

        var ids = new Ids(await NextIdAsync<ServiceCase>(cancellationToken), await NextIdAsync<CaseStep>(cancellationToken),
            await NextIdAsync<CaseMaterial>(cancellationToken), await NextIdAsync<CaseNotice>(cancellationToken), await NextIdAsync<CaseNoticeItem>(cancellationToken),
            await NextIdAsync<CaseRating>(cancellationToken), await NextIdAsync<CaseDueTime>(cancellationToken), await NextIdAsync<CaseHomeVisit>(cancellationToken));
        var batch = new Batch();
        var counters = new Dictionary<string, int>();
        long total = 0, open = 0;
        for (var i = 0; i < days.Length; i++)
        {
            var day = days[i];
            var key = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var random = SeedRandom.For(options.Seed, "servicedesk", key);
            var count = random.RoundStochastic(expected * dayWeights[i] / weightSum);
            var working = calendar.IsWorkingDay(day);
            var drafts = Enumerable.Range(0, count).Select(_ =>
            {
                var item = items[Pick(itemCdf, random.NextDouble())];
                var applicant = applicants[random.Next(applicants.Count)];
                // A local item only where the applicant's district lists it (代办清单); elsewhere they apply for a city-wide one.
                if (!item.CityWide && !item.Districts.Contains(applicant.CommunityCode[..6])) item = cityWide[random.Next(cityWide.Length)];
                var mode = PickMode(item.Modes, random, applicant.ActiveTags.Any(HomeVisitTags.Contains), working);
                // Windows receive in office hours; online applications at any hour of the day.
                var received = mode == HandlingModes.Online
                    ? WorkingCalendar.ToUtc(day.ToDateTime(TimeOnly.MinValue).AddHours(random.NextDouble() * 24))
                    : WorkingCalendar.ToUtc(day.ToDateTime(new TimeOnly(8, 30)).AddMinutes(random.NextDouble() * 540));
                return (Item: item, Applicant: applicant, Mode: mode, Received: received);
            }).OrderBy(d => d.Received).ToArray();
            var life = new Life(this, random, ids, batch, end, byDistrict, communities);
            for (var n = 0; n < drafts.Length; n++)
            {
                var d = drafts[n];
                if (life.Run($"{key}{n + 1:D6}", d.Item, d.Applicant, d.Mode, d.Received)) open++;
            }
            if (count > 0) counters[key] = count;
            total += count;
            if (batch.Cases.Count >= FlushEvery) await FlushAsync(batch, cancellationToken);
            if (day.Day == 1) progress.Report($"servicedesk: {day:yyyy-MM} … {total:N0} cases so far");
        }
        await FlushAsync(batch, cancellationToken);
        await BulkWriter.ResetIdentityAsync<ServiceCase>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<CaseStep>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<CaseMaterial>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<CaseNotice>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<CaseNoticeItem>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<CaseRating>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<CaseDueTime>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<CaseHomeVisit>(db, cancellationToken: cancellationToken);

        // Intake numbers its cases per day after the history's.
        var existing = await db.CaseNumberCounters.Where(c => counters.Keys.Contains(c.Day)).ToDictionaryAsync(c => c.Day, cancellationToken);
        foreach (var (day, last) in counters)
        {
            if (existing.TryGetValue(day, out var counter)) counter.LastNumber = Math.Max(counter.LastNumber, last);
            else db.CaseNumberCounters.Add(new CaseNumberCounter { Day = day, LastNumber = last });
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        // The history was written around the context (no marks): the statistics' roll-up of its days is computed now, so the
        // first statistics read adds up days instead of counting the year (the job would otherwise do it after start). Days
        // rolled up before this history was added are forgotten first, so that they are recounted with it.
        var (firstDay, lastDay) = (days[0], days[^1]);
        await db.CaseStatsDays.Where(d => d.Day >= firstDay && d.Day <= lastDay).ExecuteDeleteAsync(cancellationToken);
        var rolled = await Features.Statistics.CaseStatsRollup.CatchUpAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        progress.Report($"servicedesk: statistics rolled up for {rolled:N0} days");
        progress.Report($"servicedesk: {total:N0} cases over {days[0]:yyyy-MM-dd}…{days[^1]:yyyy-MM-dd}, {open:N0} still open, {ids.Step - ids.FirstStep:N0} steps");
    }

    private static HandlingModes PickMode(HandlingModes allowed, Random random, bool homeVisitEligible, bool workingDay)
    {
        if (!workingDay && allowed.HasFlag(HandlingModes.Online)) return HandlingModes.Online;
        var choices = ModeWeights.Where(m => allowed.HasFlag(m.Key) && (m.Key != HandlingModes.DoorToDoor || homeVisitEligible)).ToList();
        if (choices.Count == 0) return HandlingModes.Window;
        var u = random.NextDouble() * choices.Sum(c => c.Value);
        foreach (var (mode, weight) in choices)
        {
            if ((u -= weight) < 0) return mode;
        }
        return choices[^1].Key;
    }

    // ---- one case's life -------------------------------------------------------------------------------------------------

    private sealed class Ids(long @case, long step, long material, long notice, long noticeItem, long rating, long due, long homeVisit)
    {
        public long Case = @case, Step = step, Material = material, Notice = notice, NoticeItem = noticeItem, Rating = rating, Due = due, HomeVisit = homeVisit;
        public readonly long FirstStep = step;
    }

    private sealed class Batch
    {
        public readonly List<object?[]> Cases = [], Steps = [], Materials = [], Notices = [], NoticeItems = [], Ratings = [], DueTimes = [], HomeVisits = [];

        public void Clear()
        {
            Cases.Clear(); Steps.Clear(); Materials.Clear(); Notices.Clear(); NoticeItems.Clear(); Ratings.Clear(); DueTimes.Clear(); HomeVisits.Clear();
        }
    }

    /// <summary>
    /// Walks one case through <see cref="CaseTransitions"/> at times drawn in office time, keeping its limit on a
    /// <see cref="CaseDueTime"/> as the workflow does, and adds its rows to the batch. Stops where the year ends.
    /// </summary>
    private sealed class Life(CaseHistorySeeder seeder, Random random, Ids ids, Batch batch, DateTime end,
        IReadOnlyDictionary<string, string[]> byDistrict, string[] communities)
    {
        private WorkingCalendar Calendar => seeder.Calendar;
        private ServiceCase _case = null!;
        private readonly List<CaseStep> _steps = [];

        /// <summary>Writes the case and its rows; true when it is still open at the end of the year.</summary>
        public bool Run(string number, Item item, SyntheticApplicant applicant, HandlingModes mode, DateTime received)
        {
            var home = applicant.CommunityCode;
            var accepting = mode == HandlingModes.Online ? home : AcceptingCommunity(item, home);
            var owner = mode == HandlingModes.Online ? $"{SeedUser}-resident" : $"{SeedUser}-{accepting}";
            var c = _case = new ServiceCase
            {
                Id = ids.Case++, Number = number, ItemId = item.Id, ItemVersionId = item.VersionId, State = CaseState.Received, ResidentId = applicant.Id,
                ApplicantName = applicant.Name, ApplicantIdCipher = applicant.IdNumberCipher, ApplicantIdHash = applicant.IdNumberHash,
                ApplicantIdMasked = applicant.IdNumberMasked, AcceptingCommunityCode = accepting, HomeCommunityCode = home, DepartmentCode = item.Department,
                OwnerUserId = owner, OwnerName = mode == HandlingModes.Online ? applicant.Name : "社区工作人员（合成）", Mode = mode,
                ReceivedAt = received, UpdatedAt = received, HomeVisitEligible = applicant.ActiveTags.Any(HomeVisitTags.Contains),
            };
            _steps.Clear();
            _steps.Add(new CaseStep { At = received, FromState = null, ToState = CaseState.Received, ActorUserId = owner, ActorName = c.OwnerName,
                Note = CaseLabels.Mode(mode).ToString() });
            var limit = new CaseDueTime { Kind = CaseDueKind.Limit, DueAt = Calendar.AddWorkingDays(received, item.PromisedDays) };
            var window = new CaseDueTime { Kind = CaseDueKind.NoticeWindow, DueAt = Calendar.AddWorkingDays(received, seeder.CaseOptions.NoticeWindowDays) };
            c.DueAt = limit.DueAt;
            var materials = item.Materials.Select(m => new CaseMaterial
            {
                Id = ids.Material++, CaseId = c.Id, MaterialId = m.Id, Position = m.Position, Name = m.Name, Mandatory = m.Mandatory, AcceptLater = m.AcceptLater,
                Supplied = m.Supplied, Status = m.Supplied != SuppliedProof.None ? MaterialStatus.Supplied : m.Mandatory ? MaterialStatus.Received : MaterialStatus.NotNeeded,
                UpdatedAt = received,
            }).ToList();
            CaseNotice? notice = null;
            CaseRating? rating = null;
            CaseHomeVisit? visit = null;
            if (mode == HandlingModes.Proxy)
            {
                (c.ProxyUserId, c.ProxyName, c.Mandate, c.MandateAt) = ($"{SeedUser}-proxy-{accepting}", "代办员（合成）", "申请人书面委托社区代办员代为提交材料。（合成）", received);
                Step(CaseAction.Proxy, received, owner, c.OwnerName, "代办委托：" + c.Mandate);
            }

            var start = received;
            if (mode == HandlingModes.DoorToDoor)
            {
                // 上门办: the worker books a visit when the case is taken (by phone or from the home community's list) and
                // receives the materials at the applicant's home; the case's handling goes on from the visit.
                var scheduled = Calendar.AddWorkingTime(received, WorkingDays(0.3 + random.NextDouble() * 1.5));
                visit = new CaseHomeVisit { Id = ids.HomeVisit++, CaseId = c.Id, ScheduledAt = scheduled, WorkerUserId = owner, WorkerName = c.OwnerName,
                    AcceptingCommunityCode = accepting };
                Step(CaseAction.HomeVisit, received + TimeSpan.FromMinutes(5), owner, c.OwnerName, $"预约上门：{CaseWorkflow.Local(scheduled)}");
                if (scheduled < end)
                {
                    (visit.VisitedAt, visit.Outcome) = (scheduled, "上门收件，现场核验材料并代为填写申请表。（合成）");
                    Step(CaseAction.HomeVisit, scheduled, owner, c.OwnerName, $"上门服务：{visit.Outcome}");
                    start = scheduled;
                }
            }

            if (start < end) Walk();

            // Due times that passed before the year ended have fired; the open ones are stored for the watcher.
            if (c.DecidedAt is null && limit.IsOpen && limit.PausedAt is null && limit.DueAt < end)
            {
                limit.Fire(limit.DueAt);
                c.IsOverdue = true;
            }
            Write(c, materials, notice, rating, visit, [limit, window]);
            return c.State is not (CaseState.NotAccepted or CaseState.HandedOver);

            void Walk()
            {
                var at = start;
                var u = random.NextDouble();
                if (u < NoticeShare)
                {
                    // 一次告知: one notice listing one or two of the materials the applicant must bring; the clock stops.
                    at = Calendar.AddWorkingTime(at, TimeSpan.FromMinutes(10 + random.Next(80)));
                    if (at >= end) return;
                    var asked = materials.Where(m => m.Status == MaterialStatus.Received).OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToList();
                    if (asked.Count == 0) asked = materials.Take(1).ToList();
                    Step(CaseAction.Notice, at, owner, c.OwnerName, null);
                    c.NoticedAt = at;
                    window.Close(at);
                    limit.Pause(at, Calendar);
                    notice = new CaseNotice
                    {
                        Id = ids.Notice++, CaseId = c.Id, Number = $"{c.Number}-1", Sequence = 1, ItemVersionId = c.ItemVersionId, IssuedAt = at,
                        IssuedByUserId = owner, IssuedByName = c.OwnerName,
                    };
                    foreach (var m in asked)
                    {
                        var defective = random.NextDouble() < 0.3;
                        m.Status = defective ? MaterialStatus.Defective : MaterialStatus.Missing;
                        m.Note = defective ? "复印件不清晰，请重新提供。（合成）" : "未提供。（合成）";
                        m.UpdatedAt = at;
                        notice.Items.Add(new CaseNoticeItem { Id = ids.NoticeItem++, NoticeId = notice.Id, MaterialId = m.MaterialId, Position = m.Position, Name = m.Name,
                            Problem = m.Status, Reason = m.Note });
                    }
                    var waited = Calendar.AddWorkingTime(at, WorkingDays(LogNormal(2, 0.8, 0.1, 30)));
                    if (random.NextDouble() < 0.06)
                    {
                        if (waited >= end) return;
                        Refuse(waited, "申请人逾期未补正材料，不符合受理条件。（合成）");
                        return;
                    }
                    if (waited >= end) return;
                    Step(CaseAction.Complete, waited, owner, c.OwnerName, null);
                    foreach (var m in asked)
                    {
                        (m.Status, m.Note, m.UpdatedAt) = (MaterialStatus.Received, null, waited);
                    }
                    c.WaitingDays = Math.Round(Calendar.WorkingTimeBetween(at, waited).TotalHours / CaseWorkflow.WorkingHoursPerDay, 2);
                    notice.CompletedAt = waited;
                    limit.Resume(waited, Calendar);
                    c.DueAt = limit.DueAt;
                    at = waited;
                }
                else if (u < NoticeShare + RefuseShare)
                {
                    at = Calendar.AddWorkingTime(at, TimeSpan.FromMinutes(10 + random.Next(120)));
                    if (at >= end) return;
                    Refuse(at, "申请人不符合事项的申请条件。（合成）");
                    return;
                }
                if (u is >= NoticeShare + RefuseShare and < NoticeShare + RefuseShare + ByLawShare)
                {
                    // No notice within the window: accepted by law from 收件.
                    at = window.DueAt;
                    if (at >= end) return;
                    Step(CaseAction.AcceptByLaw, at, "system", "系统", "收件后 5 个工作日内未一次告知，依法自收件之日起视为受理。");
                    (c.AcceptedAt, c.AcceptedByLaw) = (received, true);
                    window.Fire(at);
                    window.Close(at);
                }
                else
                {
                    at = Calendar.AddWorkingTime(at, TimeSpan.FromMinutes(5 + random.Next(55)));
                    if (at >= end) return;
                    Step(CaseAction.Accept, at, owner, c.OwnerName, null);
                    c.AcceptedAt = at;
                    window.Close(at);
                }

                var department = $"{SeedUser}-{item.Department}";
                const string departmentName = "部门审查人（合成）";
                // Forwarding and the start of review take a small part of the limit, so that short-limit items can still be on time.
                at = Calendar.AddWorkingTime(at, WorkingDays(Math.Min(LogNormal(0.3, 0.6, 0.02, 2), 0.1 * item.PromisedDays)));
                if (at >= end) return;
                Step(CaseAction.Forward, at, owner, c.OwnerName, null);
                at = Calendar.AddWorkingTime(at, WorkingDays(Math.Min(LogNormal(0.5, 0.6, 0.02, 3), 0.15 * item.PromisedDays)));
                if (at >= end) return;
                Step(CaseAction.Review, at, department, departmentName, null);
                if (item.NonCounting != NonCountingSteps.None && random.NextDouble() < 0.25)
                {
                    // A non-counting step (公示, 鉴定 …): the clock stops while it runs.
                    var step = Enum.GetValues<NonCountingSteps>().First(s => s != NonCountingSteps.None && item.NonCounting.HasFlag(s));
                    at = Calendar.AddWorkingTime(at, WorkingDays(LogNormal(0.5, 0.6, 0.05, 3)));
                    if (at >= end) return;
                    Step(CaseAction.Suspend, at, department, departmentName, "进入不计时环节。（合成）");
                    c.SuspendedFor = step;
                    limit.Pause(at, Calendar);
                    at = Calendar.AddWorkingTime(at, WorkingDays(5 + random.Next(6)));
                    if (at >= end) return;
                    Step(CaseAction.Resume, at, department, departmentName, null);
                    c.SuspendedFor = null;
                    limit.Resume(at, Calendar);
                    c.DueAt = limit.DueAt;
                }
                // Most are decided with time to spare; a few run past the limit.
                var left = limit.DueAt > at ? Calendar.WorkingTimeBetween(at, limit.DueAt) : TimeSpan.Zero;
                var decided = random.NextDouble() < LateShare || left <= TimeSpan.Zero
                    ? Calendar.AddWorkingTime(limit.DueAt > at ? limit.DueAt : at, WorkingDays(LogNormal(1.5, 0.8, 0.05, 15)))
                    : Calendar.AddWorkingTime(at, left * (0.15 + 0.8 * random.NextDouble()));
                if (limit.DueAt < decided && limit.DueAt < end)
                {
                    limit.Fire(limit.DueAt);
                    c.IsOverdue = true;
                }
                if (decided >= end) return;
                var approve = random.NextDouble() >= RejectShare;
                Step(approve ? CaseAction.Approve : CaseAction.Reject, decided, department, departmentName,
                    approve ? null : "经审查，申请人不符合条件。（合成）");
                c.DecidedAt = decided;
                if (!approve) c.RefusalReason = "经审查，申请人不符合条件。（合成）";
                var allowed = TimeSpan.FromHours(CaseWorkflow.WorkingHoursPerDay) * item.PromisedDays;
                var used = decided <= limit.DueAt ? allowed - Calendar.WorkingTimeBetween(decided, limit.DueAt) : allowed + Calendar.WorkingTimeBetween(limit.DueAt, decided);
                c.WorkingDaysTaken = Math.Round(Math.Max(0, used.TotalHours) / CaseWorkflow.WorkingHoursPerDay, 2);
                limit.Close(decided);
                c.DueAt = null;

                at = Calendar.AddWorkingTime(decided, WorkingDays(LogNormal(0.8, 0.7, 0.05, 5)));
                if (at >= end) return;
                var method = mode == HandlingModes.DoorToDoor ? HandOverMethod.Home : random.NextDouble() < 0.12 ? HandOverMethod.Post : HandOverMethod.Window;
                Step(CaseAction.HandOver, at, owner, c.OwnerName, null);
                (c.HandOverMethod, c.HandedOverAt) = (method, at);

                // 好差评: given by some applicants, never forced; a 差评 opens a follow-up.
                if (random.NextDouble() >= RatedShare) return;
                var ratedAt = at + TimeSpan.FromHours(1 + random.NextDouble() * 48);
                if (ratedAt >= end) return;
                var level = PickLevel(random.NextDouble());
                rating = new CaseRating
                {
                    Id = ids.Rating++, CaseId = c.Id, Stage = CaseState.HandedOver, Level = level, RatedAt = ratedAt, AcceptingCommunityCode = accepting,
                    Comment = level <= RatingLevel.Dissatisfied ? "办理时间太长，来回跑了几次。（合成）" : null,
                };
                if (!rating.IsPoor) return;
                rating.FollowUpDueAt = Calendar.AddWorkingDays(ratedAt, seeder.CaseOptions.FollowUpDays);
                var v = random.NextDouble();
                var followUp = v < 0.85 ? Calendar.AddWorkingTime(ratedAt, WorkingDays(0.3 + random.NextDouble() * 3.5))
                    : v < 0.95 ? Calendar.AddWorkingTime(rating.FollowUpDueAt.Value, WorkingDays(0.5 + random.NextDouble() * 4))
                    : DateTime.MaxValue;
                if (rating.FollowUpDueAt < followUp && rating.FollowUpDueAt < end) rating.FollowUpOverdue = true;
                if (followUp < end)
                {
                    rating.FollowUpAt = followUp;
                    rating.FollowUpNote = "已电话回访，说明办理进度并改进窗口服务。（合成）";
                    if (random.NextDouble() < 0.5) rating.FollowUpLevel = random.NextDouble() < 0.8 ? RatingLevel.Satisfied : RatingLevel.FairlySatisfied;
                }
            }

            void Refuse(DateTime at, string reason)
            {
                Step(CaseAction.Refuse, at, owner, c.OwnerName, reason);
                c.RefusalReason = reason;
                c.DecidedAt = at;
                c.DueAt = null;
                limit.Close(at);
                window.Close(at);
            }
        }

        private string AcceptingCommunity(Item item, string home)
        {
            var u = random.NextDouble();
            if (u < AtHomeShare) return home;
            if (u < AtHomeShare + InDistrictShare || !item.CityWide)
                return byDistrict.TryGetValue(home[..6], out var near) ? near[random.Next(near.Length)] : home;
            // 全市通办: a community anywhere in the city.
            return communities[random.Next(communities.Length)];
        }

        /// <summary>Takes the step the table allows (a history the rules forbid throws, so it never reaches the database).</summary>
        private void Step(CaseAction action, DateTime at, string userId, string userName, string? note)
        {
            var c = _case;
            var to = CaseTransitions.Next(c.State, action)
                     ?? throw new InvalidOperationException($"The synthetic history tried {action} in {c.State}.");
            if (at < c.UpdatedAt) at = c.UpdatedAt;
            _steps.Add(new CaseStep { At = at, FromState = c.State, ToState = to, ActorUserId = userId, ActorName = userName, Note = note });
            c.State = to;
            c.UpdatedAt = at;
        }

        private double LogNormal(double median, double sigma, double min, double max) => Math.Clamp(median * Math.Exp(sigma * random.NextGaussian()), min, max);

        private static TimeSpan WorkingDays(double days) => TimeSpan.FromHours(days * CaseWorkflow.WorkingHoursPerDay);

        private static RatingLevel PickLevel(double u)
        {
            foreach (var (level, share) in LevelShares)
            {
                if ((u -= share) < 0) return level;
            }
            return RatingLevel.Satisfied;
        }

        private void Write(ServiceCase c, List<CaseMaterial> materials, CaseNotice? notice, CaseRating? rating, CaseHomeVisit? visit, CaseDueTime[] dues)
        {
            if (visit is not null)
                batch.HomeVisits.Add([visit.Id, visit.CaseId, visit.ScheduledAt, visit.WorkerUserId, visit.WorkerName, visit.VisitedAt, visit.Outcome, visit.AcceptingCommunityCode]);
            foreach (var s in _steps)
                batch.Steps.Add([ids.Step++, c.Id, s.At, s.FromState is { } from ? (int)from : null, (int)s.ToState, s.ActorUserId, s.ActorName, s.Note]);
            foreach (var m in materials)
                batch.Materials.Add([m.Id, m.CaseId, m.MaterialId, m.Position, m.Name, m.Mandatory, m.AcceptLater, (int)m.Supplied, (int)m.Status, m.Note, m.CommitmentDueAt, m.UpdatedAt]);
            if (notice is not null)
            {
                batch.Notices.Add([notice.Id, notice.CaseId, notice.Number, notice.Sequence, notice.ItemVersionId, notice.IssuedAt, notice.IssuedByUserId, notice.IssuedByName, notice.CompletedAt]);
                foreach (var n in notice.Items) batch.NoticeItems.Add([n.Id, n.NoticeId, n.MaterialId, n.Position, n.Name, (int)n.Problem, n.Reason]);
            }
            if (rating is not null)
            {
                batch.Ratings.Add([rating.Id, rating.CaseId, (int)rating.Stage, (int)rating.Level, rating.Comment, rating.RatedAt, rating.AcceptingCommunityCode,
                    rating.FollowUpDueAt, rating.FollowUpNote, rating.FollowUpAt, rating.FollowUpLevel is { } l ? (int)l : null, rating.FollowUpOverdue]);
                // An open follow-up is watched (fired already when its due time passed).
                if (rating.FollowUpDueAt is { } due && rating.FollowUpAt is null)
                    batch.DueTimes.Add([ids.Due++, c.Id, (int)CaseDueKind.FollowUp, rating.Id, due, null, due < end ? due : null, null]);
            }
            foreach (var d in dues.Where(d => d.IsOpen))
                batch.DueTimes.Add([ids.Due++, c.Id, (int)d.Kind, null, d.DueAt, d.PausedAt, d.FiredAt, null]);
            batch.Cases.Add(
            [
                c.Id, c.Number, c.ItemId, c.ItemVersionId, (int)c.State, c.ResidentId, c.ApplicantName, c.ApplicantIdCipher, c.ApplicantIdHash, c.ApplicantIdMasked,
                c.AcceptingCommunityCode, c.HomeCommunityCode, c.DepartmentCode, c.OwnerUserId, c.OwnerName, c.ApplicantUserId, (int)c.Mode,
                c.ReceivedAt, c.AcceptedAt, c.DecidedAt, c.HandedOverAt, c.DueAt, c.IsOverdue, c.RefusalReason, c.WorkingDaysTaken, c.NoticedAt, c.WaitingDays,
                _steps.Count, c.UpdatedAt, c.AcceptedByLaw, c.SuspendedFor is { } s2 ? (int)s2 : null, c.ProxyUserId, c.ProxyName, c.Mandate, c.MandateAt,
                c.HomeVisitEligible, c.HandOverMethod is { } h ? (int)h : null,
            ]);
        }
    }

    // ---- columns and rows ------------------------------------------------------------------------------------------------

    private static readonly List<string> CaseColumns =
    [
        nameof(ServiceCase.Id), nameof(ServiceCase.Number), nameof(ServiceCase.ItemId), nameof(ServiceCase.ItemVersionId), nameof(ServiceCase.State),
        nameof(ServiceCase.ResidentId), nameof(ServiceCase.ApplicantName), nameof(ServiceCase.ApplicantIdCipher), nameof(ServiceCase.ApplicantIdHash),
        nameof(ServiceCase.ApplicantIdMasked), nameof(ServiceCase.AcceptingCommunityCode), nameof(ServiceCase.HomeCommunityCode), nameof(ServiceCase.DepartmentCode),
        nameof(ServiceCase.OwnerUserId), nameof(ServiceCase.OwnerName), nameof(ServiceCase.ApplicantUserId), nameof(ServiceCase.Mode),
        nameof(ServiceCase.ReceivedAt), nameof(ServiceCase.AcceptedAt), nameof(ServiceCase.DecidedAt), nameof(ServiceCase.HandedOverAt), nameof(ServiceCase.DueAt),
        nameof(ServiceCase.IsOverdue), nameof(ServiceCase.RefusalReason), nameof(ServiceCase.WorkingDaysTaken), nameof(ServiceCase.NoticedAt),
        nameof(ServiceCase.WaitingDays), nameof(ServiceCase.Version), nameof(ServiceCase.UpdatedAt), nameof(ServiceCase.AcceptedByLaw),
        nameof(ServiceCase.SuspendedFor), nameof(ServiceCase.ProxyUserId), nameof(ServiceCase.ProxyName), nameof(ServiceCase.Mandate), nameof(ServiceCase.MandateAt),
        nameof(ServiceCase.HomeVisitEligible), nameof(ServiceCase.HandOverMethod),
    ];

    private async Task FlushAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Cases.Count == 0) return;
        await BulkWriter.WriteAsync<ServiceCase>(db, CaseColumns, batch.Cases, cancellationToken);
        await BulkWriter.WriteAsync<CaseStep>(db,
            [nameof(CaseStep.Id), nameof(CaseStep.CaseId), nameof(CaseStep.At), nameof(CaseStep.FromState), nameof(CaseStep.ToState), nameof(CaseStep.ActorUserId),
             nameof(CaseStep.ActorName), nameof(CaseStep.Note)], batch.Steps, cancellationToken);
        await BulkWriter.WriteAsync<CaseMaterial>(db,
            [nameof(CaseMaterial.Id), nameof(CaseMaterial.CaseId), nameof(CaseMaterial.MaterialId), nameof(CaseMaterial.Position), nameof(CaseMaterial.Name),
             nameof(CaseMaterial.Mandatory), nameof(CaseMaterial.AcceptLater), nameof(CaseMaterial.Supplied), nameof(CaseMaterial.Status), nameof(CaseMaterial.Note),
             nameof(CaseMaterial.CommitmentDueAt), nameof(CaseMaterial.UpdatedAt)], batch.Materials, cancellationToken);
        await BulkWriter.WriteAsync<CaseNotice>(db,
            [nameof(CaseNotice.Id), nameof(CaseNotice.CaseId), nameof(CaseNotice.Number), nameof(CaseNotice.Sequence), nameof(CaseNotice.ItemVersionId),
             nameof(CaseNotice.IssuedAt), nameof(CaseNotice.IssuedByUserId), nameof(CaseNotice.IssuedByName), nameof(CaseNotice.CompletedAt)], batch.Notices, cancellationToken);
        await BulkWriter.WriteAsync<CaseNoticeItem>(db,
            [nameof(CaseNoticeItem.Id), nameof(CaseNoticeItem.NoticeId), nameof(CaseNoticeItem.MaterialId), nameof(CaseNoticeItem.Position), nameof(CaseNoticeItem.Name),
             nameof(CaseNoticeItem.Problem), nameof(CaseNoticeItem.Reason)], batch.NoticeItems, cancellationToken);
        await BulkWriter.WriteAsync<CaseRating>(db,
            [nameof(CaseRating.Id), nameof(CaseRating.CaseId), nameof(CaseRating.Stage), nameof(CaseRating.Level), nameof(CaseRating.Comment), nameof(CaseRating.RatedAt),
             nameof(CaseRating.AcceptingCommunityCode), nameof(CaseRating.FollowUpDueAt), nameof(CaseRating.FollowUpNote), nameof(CaseRating.FollowUpAt),
             nameof(CaseRating.FollowUpLevel), nameof(CaseRating.FollowUpOverdue)], batch.Ratings, cancellationToken);
        await BulkWriter.WriteAsync<CaseDueTime>(db,
            [nameof(CaseDueTime.Id), nameof(CaseDueTime.CaseId), nameof(CaseDueTime.Kind), nameof(CaseDueTime.RatingId), nameof(CaseDueTime.DueAt),
             nameof(CaseDueTime.PausedAt), nameof(CaseDueTime.FiredAt), nameof(CaseDueTime.ClosedAt)], batch.DueTimes, cancellationToken);
        await BulkWriter.WriteAsync<CaseHomeVisit>(db,
            [nameof(CaseHomeVisit.Id), nameof(CaseHomeVisit.CaseId), nameof(CaseHomeVisit.ScheduledAt), nameof(CaseHomeVisit.WorkerUserId),
             nameof(CaseHomeVisit.WorkerName), nameof(CaseHomeVisit.VisitedAt), nameof(CaseHomeVisit.Outcome), nameof(CaseHomeVisit.AcceptingCommunityCode)],
            batch.HomeVisits, cancellationToken);
        batch.Clear();
    }

    private async Task<long> NextIdAsync<T>(CancellationToken cancellationToken) where T : class
    {
        var table = db.QualifiedTable<T>();
#pragma warning disable EF1002 // the table name comes from the EF model
        return await db.Database.SqlQueryRaw<long>($"SELECT COALESCE(MAX(id), 0) + 1 AS \"Value\" FROM {table}").SingleAsync(cancellationToken);
#pragma warning restore EF1002
    }

    // ---- the catalog's shape ---------------------------------------------------------------------------------------------

    private async Task<Item[]> ItemsAsync(int seed, CancellationToken cancellationToken)
    {
        var items = await db.ServiceItems.AsNoTracking().Where(i => !i.Retired && i.PublishedVersionId != null).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var versionIds = items.Select(i => i.PublishedVersionId!.Value).ToList();
        var versions = await db.ServiceItemVersions.AsNoTracking().Include(v => v.Materials).Where(v => versionIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, cancellationToken);
        var districts = (await db.ItemAvailability.AsNoTracking().Select(a => new { a.ItemId, a.DistrictCode }).ToListAsync(cancellationToken))
            .ToLookup(a => a.ItemId, a => a.DistrictCode);
        var random = SeedRandom.For(seed, "servicedesk", "items");
        return items.Where(i => versions.ContainsKey(i.PublishedVersionId!.Value)).Select(i =>
        {
            var v = versions[i.PublishedVersionId!.Value];
            // A few items carry most cases (allowances, insurance, certificates), the rest a long tail.
            return new Item(i.Id, v.Id, v.Name, v.DepartmentCode, v.PromisedLimitDays, v.Modes, v.CityWide, v.NonCountingSteps, districts[i.Id].ToHashSet(),
                v.Materials.OrderBy(m => m.Position).ToArray(), Math.Exp(1.0 * random.NextGaussian()));
        }).Where(i => i.CityWide || i.Districts.Count > 0).ToArray();
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = weights.ToArray();
        var total = list.Sum();
        var running = 0.0;
        return list.Select(w => (running += w) / total).ToArray();
    }

    private static int Pick(double[] cumulative, double u)
    {
        var i = Array.BinarySearch(cumulative, u);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
