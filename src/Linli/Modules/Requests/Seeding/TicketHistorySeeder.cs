using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Persistence;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Seeding;

/// <summary>
/// A year of synthetic tickets, about <see cref="TicketsAtFullScale"/> at scale 1, ending at the start of the seeding
/// day (China time). Each day draws from its own stream (seed, date), so a seed always gives the same year for the same
/// end day. Volume follows the week (weekends lower) and the heating season; categories follow weights of the first-level
/// classes (城乡建设 and 环境保护 highest); channels are mostly the 12345 hotline; places are the communities in proportion
/// to their households, points near a grid centre. Each ticket is walked through its life in office time, by the same
/// <see cref="TicketSteps"/> the workflow takes (so no history can reach a state the ticket rules forbid) — dispatch,
/// sign (a few late), returns (~3 %), extensions (~2 %), reply (a few overdue), the visit back (satisfied ~85 %, basically
/// ~10 %, dissatisfied ~5 %, which reopens it under supervision) and close — and stops where the year ends, so the last
/// days leave open tickets, with stored deadlines for the watcher. The walk is in memory; rows stream to
/// <see cref="BulkWriter"/> with explicit ids, never through change tracking; no outbox messages are written for history. Reporter phones are synthetic
/// (the unassigned 140 block) and encrypted like intake does. <c>Requests:HistoryScale</c> overrides the scale for tickets.
/// </summary>
internal sealed class TicketHistorySeeder(RequestsDbContext db, IRegionDirectory regions, WorkingCalendar calendar, IPersonalDataProtector protector,
    IConfiguration configuration, TimeProvider clock, IOptions<RequestsOptions> requestsOptions) : ICitySeeder
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

    /// <summary>A community tickets happen in; <paramref name="Reach"/> keeps their points nearest to it (<see cref="CommunitySpacing"/>).</summary>
    private sealed record Place(string Community, string Name, double Weight, (string Code, double Lon, double Lat)[] Grids, double? Lon, double? Lat, double Reach);

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

        var todayChina = WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime);
        var end = WorkingCalendar.ToUtc(todayChina.ToDateTime(TimeOnly.MinValue));
        var days = Enumerable.Range(0, 365).Select(i => todayChina.AddDays(i - 365)).ToArray();
        var dayWeights = days.Select(d => (calendar.IsWorkingDay(d) ? 1.1 : 0.75) * (d.Month is 11 or 12 or 1 or 2 or 3 ? 1.15 : 0.92)).ToArray();
        var weightSum = dayWeights.Sum();

        var ids = new Ids(
            await NextIdAsync<Ticket>(cancellationToken), await NextIdAsync<TicketAction>(cancellationToken), await NextIdAsync<TicketUnit>(cancellationToken),
            await NextIdAsync<Deadline>(cancellationToken), await NextIdAsync<Supervision>(cancellationToken));
        var batch = new Batch();
        var ledger = new Ledger();
        var steps = new TicketSteps(calendar, requestsOptions.Value, ledger);
        var cast = new Cast();
        var counters = new Dictionary<string, int>();
        long total = 0, open = 0;
        for (var i = 0; i < days.Length; i++)
        {
            var day = days[i];
            var key = day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var random = SeedRandom.For(options.Seed, "requests", key);
            var count = random.RoundStochastic(TicketsAtFullScale * scale * dayWeights[i] / weightSum);
            var created = Enumerable.Range(0, count).Select(_ => WorkingCalendar.ToUtc(day.ToDateTime(TimeOnly.MinValue).Add(TimeOfDay(random)))).Order().ToArray();
            var life = new Life(this, steps, ledger, cast, random, ids, batch, end);
            for (var n = 0; n < created.Length; n++)
            {
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

    private sealed class Batch
    {
        public readonly List<object?[]> Tickets = [], Actions = [], Units = [], Deadlines = [], Supervisions = [];

        public void Clear()
        {
            Tickets.Clear(); Actions.Clear(); Units.Clear(); Deadlines.Clear(); Supervisions.Clear();
        }
    }

    /// <summary>One ticket's due times and supervision entries, kept in memory while it is walked and then written in bulk.</summary>
    private sealed class Ledger : ITicketLedger
    {
        public readonly List<Deadline> Deadlines = [];
        public readonly List<Supervision> Supervisions = [];

        public IEnumerable<Deadline> OpenDeadlines(Ticket ticket) => Deadlines.Where(d => d.ClosedAt is null);
        public IEnumerable<Supervision> OpenSupervisions(Ticket ticket) => Supervisions.Where(s => s.ResolvedAt is null);
        public void Add(Deadline deadline) => Deadlines.Add(deadline);
        public void Add(Supervision supervision) => Supervisions.Add(supervision);

        public void Clear()
        {
            Deadlines.Clear();
            Supervisions.Clear();
        }
    }

    /// <summary>The synthetic people of the history: the centre, each unit's handler, each channel's reporter.</summary>
    private sealed class Cast
    {
        private static readonly HashSet<string> CentreRoles = [Roles.HotlineOperator], DepartmentRoles = [Roles.DepartmentStaff],
            CommunityRoles = [Roles.CommunityWorker], GridRoles = [Roles.GridWorker], ResidentRoles = [Roles.Resident];
        private readonly Dictionary<string, Actor> _units = [], _patrols = [];

        public Actor Centre { get; } = new(null, "12345话务员（合成）", CentreRoles, "", null);

        public Actor UnitUser(string unit)
        {
            if (_units.TryGetValue(unit, out var actor)) return actor;
            // A person's name, never the unit's code: the history shows the unit beside it.
            const string name = "承办人（合成）";
            return _units[unit] = Recipients.IsRegionCode(unit)
                ? new Actor(null, name, CommunityRoles, unit, null)
                : new Actor(null, name, DepartmentRoles, null, unit);
        }

        /// <summary>Who files it: the centre takes calls; web, mini-program and Open311 reporters are residents; patrols are the place's grid worker.</summary>
        public Actor Reporter(Channel channel, string community) => channel switch
        {
            Channel.Hotline => Centre,
            Channel.GridPatrol => _patrols.TryGetValue(community, out var patrol) ? patrol
                : _patrols[community] = new Actor(null, "网格员（合成）", GridRoles, community, null),
            Channel.Open311 => Open311Client,
            _ => Resident,
        };

        private static readonly Actor Open311Client = new(null, "open311:合成客户端", ResidentRoles, null, null);
        private static readonly Actor Resident = new(null, "居民（合成）", ResidentRoles, null, null);
    }

    /// <summary>
    /// Walks one ticket through the same <see cref="TicketSteps"/> as the workflow (so the table decides every state it
    /// reaches), at times drawn in office time, and adds its rows to the batch.
    /// </summary>
    private sealed class Life(TicketHistorySeeder seeder, TicketSteps steps, Ledger ledger, Cast cast, Random random, Ids ids, Batch batch, DateTime end)
    {
        private Ticket _ticket = null!;

        /// <summary>Writes the ticket and its rows; true when it is still open at the end of the year.</summary>
        public bool Run(string number, DateTime created, Place place, Leaf leaf)
        {
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
                // Around the grid within half the community's reach (grid centres lie within the other half), or around the centre.
                var (spread, max) = grid is null ? (300.0, place.Reach) : (120.0, place.Reach / 2);
                (lon, lat) = CommunitySpacing.Scatter(random, lon.Value, lat.Value, spread, max);
            }
            var anonymous = channel != Channel.GridPatrol && random.NextDouble() < 0.05;
            var phone = channel == Channel.GridPatrol || anonymous || random.NextDouble() < 0.08 ? null : $"140{random.Next(0, 100_000_000):D8}";
            PhoneNumber? reporter = phone is not null && PhoneNumber.TryParse(phone, out var parsedPhone) ? parsedPhone : null;

            ledger.Clear();
            var ticket = _ticket = new Ticket
            {
                Id = ids.Ticket++, Number = number, Channel = channel, CategoryId = leaf.Id, RoutingRuleId = rule.Id, Urgency = urgency,
                Description = $"{leaf.Name}：{place.Name}附近居民反映相关问题，请核实处理。（合成数据）", Address = $"{place.Name}附近",
                CommunityCode = place.Community, GridCode = grid, Longitude = lon, Latitude = lat, IsAnonymous = anonymous,
                PhoneCipher = reporter is { } sealedPhone ? seeder.Protector.Encrypt(sealedPhone.E164) : null, PhoneMasked = reporter?.Masked,
                PhoneHash = reporter is { } hashedPhone ? seeder.Protector.Hash(hashedPhone) : null,
            };
            steps.File(ticket, cast.Reporter(channel, place.Community), created, channel == Channel.GridPatrol ? place.Community : "centre");
            ticket.CreatedBy = SeedUser;

            if (channel == Channel.Hotline && random.NextDouble() < DirectAnswerShareOfHotline)
            {
                var at = created + TimeSpan.FromMinutes(3 + random.Next(12));
                if (at < end) steps.AnswerDirectly(ticket, cast.Centre, at, "已在电话中直接答复并解释政策。（合成）");
            }
            else Handle();

            // Due times that passed before the year ended have fired; the open ones are stored for the watcher.
            foreach (var d in ledger.OpenDeadlines(ticket))
            {
                if (d.DueAt < end && d.FiredAt is null) steps.Overdue(ticket, d, Later(d.DueAt));
            }
            Write(ticket);
            return ticket.IsOpen;

            void Handle()
            {
                var at = seeder.Calendar.AddWorkingTime(created, Minutes(25, 0.8, 480));
                var unit = rule.DepartmentCode ?? place.Community;
                // A patrol finding the rule leaves to the community goes there as it is filed, as intake does.
                if (channel == Channel.GridPatrol && rule.DepartmentCode is null)
                {
                    at = created;
                    steps.RouteToCommunity(ticket, Actor.System, created, rule);
                }
                else
                {
                    if (at >= end) return;
                    steps.Dispatch(ticket, cast.Centre, at, unit, rule, null);
                }
                if (random.NextDouble() < ReturnShare)
                {
                    var back = seeder.Calendar.AddWorkingTime(at, Minutes(60, 0.5, 480));
                    if (back >= end) return;
                    steps.Return(ticket, cast.UnitUser(unit), back, "不属于本单位职责，退回中心重新派单。（合成）");
                    var again = seeder.Calendar.AddWorkingTime(back, Minutes(30, 0.5, 240));
                    unit = unit == place.Community ? rule.DepartmentCode ?? "urban_management" : place.Community;
                    if (again >= end) return;
                    steps.Dispatch(ticket, cast.Centre, again, unit, rule, null);
                }
                var handler = cast.UnitUser(unit);
                for (var round = 0; ; round++)
                {
                    // Sign: mostly within the limit, a few late.
                    var (dispatchedAt, signDue) = (ticket.DispatchedAt!.Value, ticket.SignDueAt!.Value);
                    var sign = random.NextDouble() < 0.04
                        ? seeder.Calendar.AddWorkingTime(signDue, Minutes(90, 0.8, 900))
                        : seeder.Calendar.AddWorkingTime(dispatchedAt, Minutes(40, 0.7, (signDue - dispatchedAt).TotalMinutes * 0.9));
                    if (sign > signDue) sign = Max(sign, signDue.AddMinutes(1));
                    if (sign >= end) return;
                    if (sign > signDue) Overdue(DeadlineKind.Sign);
                    steps.Sign(ticket, handler, Later(sign), null);

                    var hours = urgency == Urgency.Urgent ? Minutes(180, 0.8, 2400) : Minutes(600, 0.8, 60 * 90);
                    if (round == 0 && random.NextDouble() < ExtensionShare)
                    {
                        var askAt = seeder.Calendar.AddWorkingTime(sign, TimeSpan.FromHours(4));
                        if (askAt >= end) return;
                        steps.RequestExtension(ticket, handler, Later(askAt), 3, "需协调多个部门，申请延期。（合成）");
                        var decideAt = seeder.Calendar.AddWorkingTime(askAt, TimeSpan.FromHours(2));
                        if (decideAt >= end) return;
                        var approve = random.NextDouble() < 0.8;
                        if (approve) hours += TimeSpan.FromHours(12);
                        steps.DecideExtension(ticket, cast.Centre, Later(decideAt), approve, null);
                        sign = decideAt;
                    }
                    var replyAt = seeder.Calendar.AddWorkingTime(sign, hours);
                    if (replyAt > ticket.FinishDueAt && ticket.FinishDueAt < end) Overdue(DeadlineKind.Finish);
                    if (replyAt >= end) return;
                    steps.Reply(ticket, handler, Later(replyAt), "经现场核实，问题已处理完毕。（合成）");

                    var visit = replyAt + TimeSpan.FromHours(2 + random.NextDouble() * 30);
                    if (visit >= end) return;
                    var u = random.NextDouble();
                    var verdict = round > 0 ? (u < 0.6 ? Rating.Satisfied : Rating.BasicallySatisfied)
                        : u < Satisfied ? Rating.Satisfied : u < Satisfied + BasicallySatisfied ? Rating.BasicallySatisfied : Rating.Dissatisfied;
                    // Dissatisfied, with reopens left: handled again by the same unit, under supervision (重办督办).
                    steps.Evaluate(ticket, cast.Centre, Later(visit), verdict, null, rule);
                    if (!ticket.IsOpen) return;
                }
            }

            void Overdue(DeadlineKind kind)
            {
                var deadline = ledger.OpenDeadlines(ticket).First(d => d.Kind == kind);
                steps.Overdue(ticket, deadline, Later(deadline.DueAt));
            }
        }

        // Steps never go back in time: a deadline found passed while a later step was being taken is logged with that step.
        private DateTime Later(DateTime at) => at < _ticket.UpdatedAt ? _ticket.UpdatedAt : at;

        private void Write(Ticket t)
        {
            foreach (var u in t.Units) batch.Units.Add([ids.Unit++, t.Id, u.UnitCode, (int)u.Role, u.IsActive, u.AddedAt]);
            foreach (var a in t.Actions)
                batch.Actions.Add([ids.Action++, t.Id, a.At, a.UserId, a.UserName, a.UnitCode, (int)a.Action, (int)a.FromState, (int)a.ToState, a.Opinion]);
            foreach (var d in ledger.Deadlines)
            {
                if (d.ClosedAt is null) batch.Deadlines.Add([ids.Deadline++, t.Id, (int)d.Kind, d.UnitCode, d.DueAt, d.FiredAt, null]);
            }
            foreach (var s in ledger.Supervisions)
                batch.Supervisions.Add([ids.Supervision++, t.Id, (int)s.Reason, s.UnitCode, s.DeadlineKind is { } kind ? (int)kind : null, s.CreatedAt, s.ResolvedAt]);
            batch.Tickets.Add(
            [
                t.Id, t.Number, (int)t.Channel, t.CategoryId, t.RoutingRuleId, (int)t.Urgency, t.Description,
                t.Address, t.CommunityCode, t.GridCode, t.Longitude, t.Latitude, t.IsAnonymous, t.ReporterUserId,
                t.PhoneCipher, t.PhoneMasked, t.PhoneHash,
                t.CreatedBy, (int)t.State, t.AssignedUnitCode, t.CreatedAt, t.UpdatedAt, t.DispatchedAt, t.SignedAt, t.RepliedAt, t.ClosedAt, t.SignDueAt, t.FinishDueAt,
                t.SuspendedAt, t.ExtensionRequestedDays, t.ExtensionReason, t.Reply, t.Rating is { } rating ? (int)rating : null, t.ReopenCount, t.ReturnCount,
                t.UnderSupervision, t.IsOverdue, t.MergedIntoId, t.Actions.Count,
            ]);
        }

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
        var spacing = CommunitySpacing.Of(communities.Where(c => c.Longitude is not null && c.Latitude is not null)
            .Select(c => (c.Code, c.Longitude!.Value, c.Latitude!.Value)).ToList());
        return communities
            .Select(c => new Place(c.Code, c.Name,
                CityProfile.FullScaleHouseholds(seed, c.Code, c.Kind == RegionKind.UrbanCommunity, c.Kind == RegionKind.Village, Math.Max(1, urban), Math.Max(1, villages)),
                grids[c.Code].Select(g => (g.Code, g.Longitude!.Value, g.Latitude!.Value)).ToArray(), c.Longitude, c.Latitude, spacing.ReachOf(c.Code)))
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
