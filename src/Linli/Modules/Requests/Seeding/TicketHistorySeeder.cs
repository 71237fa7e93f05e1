using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Persistence;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Seeding;

/// <summary>
/// A year of synthetic tickets (§8), about <see cref="TicketsAtFullScale"/> at scale 1, ending at the start of the seeding
/// day (China time). Each day draws from its own stream (seed, date), so a seed always gives the same year for the same
/// end day. Volume follows the week (weekends lower) and the heating season; categories follow weights of the first-level
/// classes (城乡建设 and 环境保护 highest); channels are mostly the 12345 hotline; places are the communities in proportion
/// to their households, points near a grid centre. Each ticket is walked through its life in office time — dispatch,
/// sign (a few late), returns (~3 %), extensions (~2 %), reply (a few overdue), the visit back (satisfied ~85 %, basically
/// ~10 %, dissatisfied ~5 %, which reopens it under supervision) and close — and stops where the year ends, so the last
/// days leave open tickets, with stored deadlines for the watcher. Rows stream to <see cref="BulkWriter"/> with explicit
/// ids, never through change tracking; no outbox messages are written for history. Reporter phones are synthetic
/// (the unassigned 140 block) and encrypted like intake does. <c>Requests:HistoryScale</c> overrides the scale for tickets.
/// </summary>
internal sealed class TicketHistorySeeder(RequestsDbContext db, IRegionDirectory regions, WorkingCalendar calendar, IPersonalDataProtector protector,
    IConfiguration configuration, TimeProvider clock) : ICitySeeder
{
    public const int TicketsAtFullScale = 1_000_000;
    public const string SeedUser = "synthetic";
    private const int FlushEvery = 20_000;

    public static readonly IReadOnlyDictionary<Channel, double> ChannelShares = new Dictionary<Channel, double>
    {
        [Channel.Hotline] = 0.70, [Channel.Web] = 0.10, [Channel.MiniProgram] = 0.10, [Channel.GridPatrol] = 0.08, [Channel.Open311] = 0.02,
    };

    public static readonly IReadOnlyDictionary<string, double> ClassWeights = new Dictionary<string, double>
    {
        ["城乡建设"] = 0.24, ["环境保护"] = 0.10, ["劳动和社会保障"] = 0.09, ["交通运输"] = 0.07, ["政法"] = 0.07, ["民政"] = 0.06,
        ["教育文体"] = 0.06, ["卫生计生"] = 0.05, ["商贸旅游"] = 0.05, ["经济管理"] = 0.05, ["农村农业"] = 0.04, ["国土资源"] = 0.04,
        ["党务政务"] = 0.03, ["科技与信息产业"] = 0.03, ["纪检监察"] = 0.02,
    };

    public const double ReturnShare = 0.03, ExtensionShare = 0.02, DirectAnswerShareOfHotline = 0.12, UrgentShare = 0.10;
    public const double Satisfied = 0.85, BasicallySatisfied = 0.10; // the rest (5 %) dissatisfied

    private WorkingCalendar Calendar => calendar;
    private IPersonalDataProtector Protector => protector;

    public int Order => 60;
    public string Name => "requests (a year of tickets)";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.Tickets.IgnoreQueryFilters().AnyAsync(t => t.CreatedBy == SeedUser, cancellationToken);

    private sealed record Place(string Community, string Name, double Weight, (string Code, double Lon, double Lat)[] Grids, double? Lon, double? Lat);

    private sealed record Leaf(int Id, string Name, RoutingRule Rule, double Weight);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var scale = configuration.GetValue<double?>("Requests:HistoryScale") ?? options.Scale;
        var places = await PlacesAsync(options.Seed, cancellationToken);
        var leaves = await LeavesAsync(options.Seed, cancellationToken);
        if (places.Length == 0 || leaves.Length == 0 || scale <= 0)
        {
            progress.Report("requests: no communities or categories, no history");
            return;
        }
        var placeCdf = Cumulative(places.Select(p => p.Weight));
        var leafCdf = Cumulative(leaves.Select(l => l.Weight));

        var todayChina = DateOnly.FromDateTime(WorkingCalendar.ToChina(clock.GetUtcNow().UtcDateTime));
        var end = WorkingCalendar.ToUtc(todayChina.ToDateTime(TimeOnly.MinValue));
        var days = Enumerable.Range(0, 365).Select(i => todayChina.AddDays(i - 365)).ToArray();
        var dayWeights = days.Select(d => (calendar.IsWorkingDay(d) ? 1.1 : 0.75) * (d.Month is 11 or 12 or 1 or 2 or 3 ? 1.15 : 0.92)).ToArray();
        var weightSum = dayWeights.Sum();

        var ids = new Ids(
            await NextIdAsync<Ticket>(cancellationToken), await NextIdAsync<TicketAction>(cancellationToken), await NextIdAsync<TicketUnit>(cancellationToken),
            await NextIdAsync<Deadline>(cancellationToken), await NextIdAsync<Supervision>(cancellationToken));
        var batch = new Batch();
        var counters = new Dictionary<string, int>();
        long total = 0, open = 0;
        for (var i = 0; i < days.Length; i++)
        {
            var day = days[i];
            var key = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var random = SeedRandom.For(options.Seed, "requests", key);
            var count = random.RoundStochastic(TicketsAtFullScale * scale * dayWeights[i] / weightSum);
            var created = Enumerable.Range(0, count).Select(_ => WorkingCalendar.ToUtc(day.ToDateTime(TimeOnly.MinValue).Add(TimeOfDay(random)))).Order().ToArray();
            for (var n = 0; n < created.Length; n++)
            {
                var life = new Life(this, random, ids, batch, end);
                var place = places[Pick(placeCdf, random.NextDouble())];
                var leaf = leaves[Pick(leafCdf, random.NextDouble())];
                if (life.Run($"{key}{n + 1:D6}", created[n], place, leaf)) open++;
            }
            if (count > 0) counters[key] = count;
            total += count;
            if (batch.Tickets.Count >= FlushEvery) await FlushAsync(batch, cancellationToken);
            if (day.Day == 1) progress.Report($"requests: {day:yyyy-MM} … {total:N0} tickets so far");
        }
        await FlushAsync(batch, cancellationToken);
        await BulkWriter.ResetIdentityAsync<Ticket>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<TicketAction>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<TicketUnit>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<Deadline>(db, cancellationToken: cancellationToken);
        await BulkWriter.ResetIdentityAsync<Supervision>(db, cancellationToken: cancellationToken);

        // Intake numbers its tickets per day after the history's.
        var existing = await db.TicketNumberCounters.Where(c => counters.Keys.Contains(c.Day)).ToDictionaryAsync(c => c.Day, cancellationToken);
        foreach (var (day, last) in counters)
        {
            if (existing.TryGetValue(day, out var counter)) counter.LastNumber = Math.Max(counter.LastNumber, last);
            else db.TicketNumberCounters.Add(new TicketNumberCounter { Day = day, LastNumber = last });
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        progress.Report($"requests: {total:N0} tickets over {days[0]:yyyy-MM-dd}…{days[^1]:yyyy-MM-dd}, {open:N0} still open, {ids.Action - ids.FirstAction:N0} actions");
    }

    // ---- one ticket's life ----------------------------------------------------------------------------------------------

    private sealed class Ids(long ticket, long action, long unit, long deadline, long supervision)
    {
        public long Ticket = ticket, Action = action, Unit = unit, Deadline = deadline, Supervision = supervision;
        public readonly long FirstAction = action;
    }

    private sealed class DeadlineDraft(DeadlineKind kind, string unit, DateTime due)
    {
        public DeadlineKind Kind { get; } = kind;
        public string Unit { get; } = unit;
        public DateTime Due { get; } = due;
        public bool Fired { get; set; }
    }

    private sealed class Batch
    {
        public readonly List<object?[]> Tickets = [], Actions = [], Units = [], Deadlines = [], Supervisions = [];

        public void Clear()
        {
            Tickets.Clear(); Actions.Clear(); Units.Clear(); Deadlines.Clear(); Supervisions.Clear();
        }
    }

    private sealed class Life(TicketHistorySeeder seeder, Random random, Ids ids, Batch batch, DateTime end)
    {
        private long _id;
        private TicketState _state = TicketState.Received;
        private DateTime _last;
        private readonly List<(long Id, DateTime At, SupervisionReason Reason, DeadlineKind? Kind, string? Unit)> _supervisions = [];
        private object?[]? _lead;

        /// <summary>Writes the ticket and its rows; true when it is still open at the end of the year.</summary>
        public bool Run(string number, DateTime created, Place place, Leaf leaf)
        {
            _id = ids.Ticket++;
            var channel = PickChannel(random.NextDouble());
            var urgency = random.NextDouble() < UrgentShare ? Urgency.Urgent : Urgency.Normal;
            var rule = leaf.Rule;
            string? grid = null;
            double? lon = place.Lon, lat = place.Lat;
            if (place.Grids.Length > 0)
            {
                var g = place.Grids[random.Next(place.Grids.Length)];
                (grid, lon, lat) = (g.Code, g.Lon, g.Lat);
            }
            if (lon is not null && lat is not null)
            {
                var spread = grid is null ? 300.0 : 120.0;
                var (dLon, dLat) = Geo.Box(lat.Value, spread);
                (lon, lat) = (lon + dLon * random.NextGaussian(), lat + dLat * random.NextGaussian());
            }
            var anonymous = channel != Channel.GridPatrol && random.NextDouble() < 0.05;
            string? phone = channel == Channel.GridPatrol || anonymous || random.NextDouble() < 0.08 ? null : $"140{random.Next(0, 100_000_000):D8}";
            PhoneNumber? reporter = phone is not null && PhoneNumber.TryParse(phone, out var parsedPhone) ? parsedPhone : null;

            DateTime? dispatchedAt = null, signedAt = null, repliedAt = null, closedAt = null, signDue = null, finishDue = null;
            string? unit = null, reply = null, extensionReason = null;
            int? extensionDays = null;
            Rating? rating = null;
            int returns = 0, reopens = 0;
            bool overdue = false, supervised = false;
            var deadlines = new List<DeadlineDraft>();

            _last = created;
            Log(created, Reporter(channel), channel == Channel.GridPatrol ? place.Community : "centre", TicketActionKind.File, TicketState.Received, null);

            var open = true;
            if (channel == Channel.Hotline && random.NextDouble() < DirectAnswerShareOfHotline)
            {
                var at = created + TimeSpan.FromMinutes(3 + random.Next(12));
                if (at < end)
                {
                    reply = "已在电话中直接答复并解释政策。（合成）";
                    repliedAt = closedAt = at;
                    Log(at, Centre, "centre", TicketActionKind.AnswerDirectly, TicketState.Closed, reply);
                    open = false;
                }
            }
            else open = Handle();

            if (open)
            {
                foreach (var d in deadlines)
                {
                    if (d.Due < end && !d.Fired) Overdue(d.Due, d.Kind, d.Unit);
                    batch.Deadlines.Add([ids.Deadline++, _id, (int)d.Kind, d.Unit, d.Due, d.Due < end ? d.Due : null, null]);
                }
            }
            foreach (var (id, at, reason, kind, u) in _supervisions)
                batch.Supervisions.Add([id, _id, (int)reason, u, kind is null ? null : (int)kind.Value, at, closedAt]);
            batch.Tickets.Add(
            [
                _id, number, (int)channel, leaf.Id, rule.Id, (int)urgency, $"{leaf.Name}：{place.Name}附近居民反映相关问题，请核实处理。（合成数据）",
                $"{place.Name}附近", place.Community, grid, lon, lat, anonymous, null,
                reporter is { } sealedPhone ? seeder.Protector.Encrypt(sealedPhone.E164) : null, reporter?.Masked, reporter is { } hashedPhone ? seeder.Protector.Hash(hashedPhone) : null,
                SeedUser, (int)_state, unit, created, _last, dispatchedAt, signedAt, repliedAt, closedAt, signDue, finishDue, null,
                extensionDays, extensionReason, reply, rating is null ? null : (int)rating.Value, reopens, returns, supervised, overdue, null, (int)(ids.Action - _firstAction),
            ]);
            return open;

            bool Handle()
            {
                var at = seeder.Calendar.AddWorkingTime(created, Minutes(25, 0.8, 480));
                unit = rule.DepartmentCode ?? place.Community;
                if (!Dispatch(at, unit)) return true;
                if (random.NextDouble() < ReturnShare)
                {
                    var back = seeder.Calendar.AddWorkingTime(at, Minutes(60, 0.5, 480));
                    if (back >= end) return Pending();
                    Log(back, UnitUser(unit), unit, TicketActionKind.Return, TicketState.Returned, "不属于本单位职责，退回中心重新派单。（合成）");
                    _lead![4] = false;
                    returns++;
                    deadlines.Clear();
                    (signDue, finishDue) = (null, null);
                    var again = seeder.Calendar.AddWorkingTime(back, Minutes(30, 0.5, 240));
                    unit = unit == place.Community ? rule.DepartmentCode ?? "urban_management" : place.Community;
                    if (again >= end)
                    {
                        unit = null;
                        return true;
                    }
                    if (!Dispatch(again, unit)) return true;
                }
                for (var round = 0; ; round++)
                {
                    // Sign: mostly within the limit, a few late.
                    var sign = random.NextDouble() < 0.04
                        ? seeder.Calendar.AddWorkingTime(signDue!.Value, Minutes(90, 0.8, 900))
                        : seeder.Calendar.AddWorkingTime(dispatchedAt!.Value, Minutes(40, 0.7, (signDue!.Value - dispatchedAt.Value).TotalMinutes * 0.9));
                    if (sign > signDue) sign = Max(sign, signDue.Value.AddMinutes(1));
                    if (sign >= end) return Pending();
                    if (sign > signDue) Overdue(signDue.Value, DeadlineKind.Sign, unit!);
                    signedAt = sign;
                    Log(sign, UnitUser(unit!), unit!, TicketActionKind.Sign, TicketState.InProgress, null);
                    deadlines.RemoveAll(d => d.Kind == DeadlineKind.Sign);

                    var hours = urgency == Urgency.Urgent ? Minutes(180, 0.8, 2400) : Minutes(600, 0.8, 60 * 90);
                    if (round == 0 && random.NextDouble() < ExtensionShare)
                    {
                        var askAt = seeder.Calendar.AddWorkingTime(sign, TimeSpan.FromHours(4));
                        if (askAt >= end) return Pending();
                        extensionDays = 3;
                        extensionReason = "需协调多个部门，申请延期。（合成）";
                        Log(askAt, UnitUser(unit!), unit!, TicketActionKind.RequestExtension, TicketState.InProgress, $"3 个工作日：{extensionReason}");
                        var decideAt = seeder.Calendar.AddWorkingTime(askAt, TimeSpan.FromHours(2));
                        if (decideAt >= end) return Pending();
                        var approve = random.NextDouble() < 0.8;
                        if (approve)
                        {
                            finishDue = seeder.Calendar.AddWorkingDays(finishDue!.Value, 3);
                            deadlines.RemoveAll(d => d.Kind == DeadlineKind.Finish);
                            deadlines.Add(new DeadlineDraft(DeadlineKind.Finish, unit!, finishDue.Value));
                            hours += TimeSpan.FromHours(12);
                        }
                        Log(decideAt, Centre, "centre", approve ? TicketActionKind.ApproveExtension : TicketActionKind.RefuseExtension, TicketState.InProgress, null);
                        (extensionDays, extensionReason) = (null, null);
                        sign = decideAt;
                    }
                    var replyAt = seeder.Calendar.AddWorkingTime(sign, hours);
                    if (replyAt > finishDue && finishDue < end) Overdue(finishDue!.Value, DeadlineKind.Finish, unit!);
                    if (replyAt >= end) return Pending();
                    reply = "经现场核实，问题已处理完毕。（合成）";
                    repliedAt = replyAt;
                    Log(replyAt, UnitUser(unit!), unit!, TicketActionKind.Reply, TicketState.Replied, reply);
                    deadlines.Clear();

                    var visit = replyAt + TimeSpan.FromHours(2 + random.NextDouble() * 30);
                    if (visit >= end) return true;
                    var u = random.NextDouble();
                    var verdict = round > 0 ? (u < 0.6 ? Rating.Satisfied : Rating.BasicallySatisfied)
                        : u < Satisfied ? Rating.Satisfied : u < Satisfied + BasicallySatisfied ? Rating.BasicallySatisfied : Rating.Dissatisfied;
                    rating = verdict;
                    if (verdict != Rating.Dissatisfied)
                    {
                        Log(visit, Centre, "centre", TicketActionKind.Evaluate, TicketState.Closed, verdict.ToString());
                        closedAt = visit;
                        return false;
                    }
                    // Dissatisfied: handled again by the same unit, under supervision (重办督办).
                    Log(visit, Centre, "centre", TicketActionKind.Evaluate, TicketState.Replied, verdict.ToString());
                    reopens++;
                    supervised = true;
                    (reply, repliedAt) = (null, null);
                    _supervisions.Add((ids.Supervision++, visit, SupervisionReason.Dissatisfied, (DeadlineKind?)null, unit));
                    Log(visit, Centre, unit!, TicketActionKind.Reopen, TicketState.Dispatched, $"第 {reopens} 次重办（督办）");
                    StartClocks(visit, unit!);
                }
            }

            bool Pending() => true;

            bool Dispatch(DateTime at, string to)
            {
                if (at >= end) return false;
                Log(at, Centre, to, TicketActionKind.Dispatch, TicketState.Dispatched, null);
                _lead = [ids.Unit++, _id, to, (int)UnitRole.Lead, true, at];
                batch.Units.Add(_lead);
                StartClocks(at, to);
                return true;
            }

            void StartClocks(DateTime at, string to)
            {
                dispatchedAt = at;
                signedAt = null;
                signDue = seeder.Calendar.AddWorkingTime(at, rule.SignWithin(urgency));
                finishDue = seeder.Calendar.AddWorkingDays(at, rule.FinishWithinDays(urgency));
                deadlines.Clear();
                deadlines.Add(new DeadlineDraft(DeadlineKind.Sign, to, signDue.Value));
                deadlines.Add(new DeadlineDraft(DeadlineKind.Finish, to, finishDue.Value));
            }

            void Overdue(DateTime at, DeadlineKind kind, string u)
            {
                overdue = true;
                supervised = true;
                _supervisions.Add((ids.Supervision++, at, SupervisionReason.Overdue, kind, u));
                foreach (var d in deadlines.Where(d => d.Kind == kind)) d.Fired = true;
                Log(at, "system", u, TicketActionKind.Overdue, _state, OverdueNotice.Opinion(kind, at));
            }
        }

        private readonly long _firstAction = ids.Action;

        private void Log(DateTime at, string user, string? unit, TicketActionKind action, TicketState to, string? opinion)
        {
            if (at < _last) at = _last; // steps never go back in time
            batch.Actions.Add([ids.Action++, _id, at, null, user, unit, (int)action, (int)_state, (int)to, opinion]);
            _state = to;
            _last = at;
        }

        private const string Centre = "12345话务员（合成）";
        private static string UnitUser(string unit) => $"{unit} 承办人（合成）";
        private static string Reporter(Channel channel) => channel switch
        {
            Channel.Hotline => Centre,
            Channel.GridPatrol => "网格员（合成）",
            Channel.Open311 => "open311:合成客户端",
            _ => "居民（合成）",
        };

        private TimeSpan Minutes(double median, double sigma, double max) =>
            TimeSpan.FromMinutes(Math.Clamp(median * Math.Exp(sigma * random.NextGaussian()), 1, Math.Max(1, max)));

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }

    // ---- columns and rows ------------------------------------------------------------------------------------------------

    private static readonly List<string> Columns =
    [
        nameof(Ticket.Id), nameof(Ticket.Number), nameof(Ticket.Channel), nameof(Ticket.CategoryId), nameof(Ticket.RoutingRuleId), nameof(Ticket.Urgency),
        nameof(Ticket.Description), nameof(Ticket.Address), nameof(Ticket.CommunityCode), nameof(Ticket.GridCode), nameof(Ticket.Longitude),
        nameof(Ticket.Latitude), nameof(Ticket.IsAnonymous), nameof(Ticket.ReporterUserId), nameof(Ticket.PhoneCipher), nameof(Ticket.PhoneMasked),
        nameof(Ticket.PhoneHash), nameof(Ticket.CreatedBy), nameof(Ticket.State), nameof(Ticket.AssignedUnitCode), nameof(Ticket.CreatedAt),
        nameof(Ticket.UpdatedAt), nameof(Ticket.DispatchedAt), nameof(Ticket.SignedAt), nameof(Ticket.RepliedAt), nameof(Ticket.ClosedAt),
        nameof(Ticket.SignDueAt), nameof(Ticket.FinishDueAt), nameof(Ticket.SuspendedAt), nameof(Ticket.ExtensionRequestedDays),
        nameof(Ticket.ExtensionReason), nameof(Ticket.Reply), nameof(Ticket.Rating), nameof(Ticket.ReopenCount), nameof(Ticket.ReturnCount),
        nameof(Ticket.UnderSupervision), nameof(Ticket.IsOverdue), nameof(Ticket.MergedIntoId), nameof(Ticket.Version),
    ];

    private async Task FlushAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Tickets.Count == 0) return;
        await BulkWriter.WriteAsync<Ticket>(db, Columns, batch.Tickets, cancellationToken);
        await BulkWriter.WriteAsync<TicketUnit>(db,
            [nameof(TicketUnit.Id), nameof(TicketUnit.TicketId), nameof(TicketUnit.UnitCode), nameof(TicketUnit.Role), nameof(TicketUnit.IsActive), nameof(TicketUnit.AddedAt)],
            batch.Units, cancellationToken);
        await BulkWriter.WriteAsync<TicketAction>(db,
            [nameof(TicketAction.Id), nameof(TicketAction.TicketId), nameof(TicketAction.At), nameof(TicketAction.UserId), nameof(TicketAction.UserName),
             nameof(TicketAction.UnitCode), nameof(TicketAction.Action), nameof(TicketAction.FromState), nameof(TicketAction.ToState), nameof(TicketAction.Opinion)],
            batch.Actions, cancellationToken);
        await BulkWriter.WriteAsync<Deadline>(db,
            [nameof(Deadline.Id), nameof(Deadline.TicketId), nameof(Deadline.Kind), nameof(Deadline.UnitCode), nameof(Deadline.DueAt), nameof(Deadline.FiredAt), nameof(Deadline.ClosedAt)],
            batch.Deadlines, cancellationToken);
        await BulkWriter.WriteAsync<Supervision>(db,
            [nameof(Supervision.Id), nameof(Supervision.TicketId), nameof(Supervision.Reason), nameof(Supervision.UnitCode), nameof(Supervision.DeadlineKind),
             nameof(Supervision.CreatedAt), nameof(Supervision.ResolvedAt)],
            batch.Supervisions, cancellationToken);
        batch.Clear();
    }

    private async Task<long> NextIdAsync<T>(CancellationToken cancellationToken) where T : class
    {
        var table = db.QualifiedTable<T>();
#pragma warning disable EF1002 // the table name comes from the EF model
        return await db.Database.SqlQueryRaw<long>($"SELECT COALESCE(MAX(id), 0) + 1 AS \"Value\" FROM {table}").SingleAsync(cancellationToken);
#pragma warning restore EF1002
    }

    // ---- the city's shape ----------------------------------------------------------------------------------------------

    private async Task<Place[]> PlacesAsync(int seed, CancellationToken cancellationToken)
    {
        var communities = await regions.ListAsync(RegionLevel.Community, "", cancellationToken);
        var grids = (await regions.ListAsync(RegionLevel.Grid, "", cancellationToken))
            .Where(g => g.Longitude is not null && g.Latitude is not null)
            .ToLookup(g => g.ParentCode ?? g.Code[..12]);
        var urban = communities.Count(c => c.Kind == RegionKind.UrbanCommunity);
        var villages = communities.Count(c => c.Kind == RegionKind.Village);
        return communities
            .Select(c => new Place(c.Code, c.Name,
                CityProfile.FullScaleHouseholds(seed, c.Code, c.Kind == RegionKind.UrbanCommunity, c.Kind == RegionKind.Village, Math.Max(1, urban), Math.Max(1, villages)),
                grids[c.Code].Select(g => (g.Code, g.Longitude!.Value, g.Latitude!.Value)).ToArray(), c.Longitude, c.Latitude))
            .Where(p => p.Weight > 0)
            .ToArray();
    }

    private async Task<Leaf[]> LeavesAsync(int seed, CancellationToken cancellationToken)
    {
        var tree = new CategoryTree(await db.Categories.AsNoTracking().ToListAsync(cancellationToken));
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.IsCurrent).ToListAsync(cancellationToken);
        var ruleOf = rules.GroupBy(r => r.CategoryId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!);
        var leaves = tree.All.Where(c => c.IsLeaf && !tree.IsRetired(c) && ruleOf.ContainsKey(c.Id)).OrderBy(c => c.Id).ToList();
        var random = SeedRandom.For(seed, "requests", "categories");
        return leaves
            .GroupBy(c => tree.Ancestry(c).Last().Name)
            .SelectMany(g =>
            {
                var inClass = g.Select(c => (Leaf: c, W: Math.Exp(0.8 * random.NextGaussian()))).ToList();
                var sum = inClass.Sum(x => x.W);
                var share = ClassWeights.GetValueOrDefault(g.Key, 0.01);
                return inClass.Select(x => new Leaf(x.Leaf.Id, x.Leaf.Name, ruleOf[x.Leaf.Id], share * x.W / sum));
            })
            .ToArray();
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

    private static Channel PickChannel(double u)
    {
        foreach (var (channel, share) in ChannelShares)
        {
            if ((u -= share) < 0) return channel;
        }
        return Channel.Hotline;
    }

    // Calls come in the day, peaking mid-morning and mid-afternoon, few at night.
    private static readonly double[] HourWeights = Cumulative(
        [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.6, 1.5, 4, 6, 6.5, 5.5, 3.5, 4, 5.5, 5.5, 5, 4, 3, 2.5, 2.2, 1.8, 1.2, 0.6]);

    private static TimeSpan TimeOfDay(Random random) => TimeSpan.FromHours(Pick(HourWeights, random.NextDouble()) + random.NextDouble());
}
