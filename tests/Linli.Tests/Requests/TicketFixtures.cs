using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using static Linli.Modules.Requests.Contracts.TicketState;

namespace Linli.Tests.Requests;

/// <summary>Who the ticket was sent to: a department (water) or the community where it happened.</summary>
internal enum LeadKind { Department, Community }

/// <summary>What else is true of the ticket beside its state.</summary>
internal enum Situation
{
    /// <summary>The department summoned to it (power) has reported in; no extension request waits.</summary>
    Plain,
    /// <summary>The summoned department has not reported in yet.</summary>
    SummonsPending,
    /// <summary>The lead unit's request for more time waits for a decision.</summary>
    ExtensionWaiting,
    /// <summary>The summoned department has not reported in and its time has passed: the summons went to the district.</summary>
    SummonsEscalated,
}

/// <summary>
/// Someone who may come to a ticket, with what they are to it, written out by hand (not computed by the code under test):
/// the oracle of the rule tests says who may act from these flags alone.
/// </summary>
internal sealed record Member(string Name, Actor Actor, bool Centre = false, bool LeadsAsDepartment = false, bool LeadsAsCommunity = false,
    bool WorksHere = false, bool SupervisesHere = false, bool Summoned = false, bool Reporter = false, bool System = false, bool DistrictHere = false)
{
    public override string ToString() => Name;
}

/// <summary>Tickets in every state, built field by field in memory as the workflow would have left them, and everyone who may come to them.</summary>
internal static class TicketFixtures
{
    public const string Place = "210102001002", OtherPlace = "210102002001";
    public const string LeadDepartment = "water", CoHandler = "gas", SummonedDepartment = "power", ReporterId = "resident-1";
    public static readonly DateTime At = new(2026, 3, 2, 2, 0, 0, DateTimeKind.Utc); // a Monday, 10:00 China time

    public static readonly TicketState[] States = Enum.GetValues<TicketState>();

    private static Actor Staff(string name, string role, string? region = null, string? department = null) =>
        new("u-" + name, name, new HashSet<string> { role }, region, department);

    public static readonly IReadOnlyList<Member> Everyone =
    [
        new("hotline operator", Staff("hotline", Roles.HotlineOperator, "2101"), Centre: true),
        new("administrator", Staff("admin", Roles.Administrator, "2101"), Centre: true),
        new("lead department's staff", Staff("water", Roles.DepartmentStaff, department: LeadDepartment), LeadsAsDepartment: true),
        new("community worker of the place", Staff("cw", Roles.CommunityWorker, Place), LeadsAsCommunity: true, WorksHere: true),
        new("grid worker of the place", Staff("gw", Roles.GridWorker, Place + "001"), LeadsAsCommunity: true, WorksHere: true),
        new("community worker elsewhere", Staff("cw.b", Roles.CommunityWorker, OtherPlace)),
        new("grid worker elsewhere", Staff("gw.b", Roles.GridWorker, OtherPlace + "001")),
        new("street over the place", Staff("street", Roles.StreetStaff, Place[..9]), LeadsAsCommunity: true, SupervisesHere: true),
        new("district over the place", Staff("district", Roles.DistrictStaff, Place[..6]), LeadsAsCommunity: true, SupervisesHere: true, DistrictHere: true),
        new("city supervisor", Staff("supervisor", Roles.Supervisor, "2101"), SupervisesHere: true),
        new("street elsewhere", Staff("street.b", Roles.StreetStaff, OtherPlace[..9])),
        new("district elsewhere", Staff("district.b", Roles.DistrictStaff, "210103")),
        new("co-handling department's staff", Staff("gas", Roles.DepartmentStaff, department: CoHandler)),
        new("summoned department's staff", Staff("power", Roles.DepartmentStaff, department: SummonedDepartment), Summoned: true),
        new("other department's staff", Staff("heating", Roles.DepartmentStaff, department: "heating")),
        new("the reporter", new Actor(ReporterId, "resident", new HashSet<string> { Roles.Resident }, null, null), Reporter: true),
        new("another resident", new Actor("resident-2", "other", new HashSet<string> { Roles.Resident }, null, null)),
        new("the system", Actor.System, System: true),
    ];

    /// <summary>Whether the ticket has a lead unit in <paramref name="state"/>: from dispatch on, until it is returned (or never dispatched).</summary>
    public static bool HasLead(TicketState state) => state is Dispatched or InProgress or Suspended or Replied or Closed;

    /// <summary>Whether the summoned department is still waiting to report in.</summary>
    public static bool SummonsWaits(Situation situation) => situation is Situation.SummonsPending or Situation.SummonsEscalated;

    public static RoutingRule Rule(int id = 1, string? department = LeadDepartment, int categoryId = 1) => new()
    {
        Id = id, CategoryId = categoryId, Version = 1, IsCurrent = true, DepartmentCode = department,
        SignHoursUrgent = 1, SignHoursNormal = 4, FinishDaysUrgent = 1, FinishDaysNormal = 5,
    };

    /// <summary>A ticket of <see cref="Place"/> filed by <see cref="ReporterId"/>, in <paramref name="state"/>.</summary>
    public static Ticket Build(TicketState state, LeadKind lead = LeadKind.Department, Situation situation = Situation.Plain, long id = 1000, int ruleId = 1)
    {
        var leadCode = lead == LeadKind.Department ? LeadDepartment : Place;
        var ticket = new Ticket
        {
            Id = id, Number = $"20260302{id % 1_000_000:D6}", Description = "楼道灯坏了（合成）", CommunityCode = Place, GridCode = Place + "001",
            Channel = Channel.Web, Urgency = Urgency.Normal, CategoryId = 1, RoutingRuleId = ruleId, ReporterUserId = ReporterId,
            State = state, CreatedAt = At.AddDays(-3), UpdatedAt = At.AddDays(-1), Version = 3,
        };
        if (state is not Received and not Merged)
        {
            ticket.Units.Add(new TicketUnit { UnitCode = leadCode, Role = UnitRole.Lead, IsActive = state != Returned, AddedAt = At.AddDays(-3) });
            ticket.DispatchedAt = At.AddDays(-3);
        }
        if (HasLead(state))
        {
            ticket.AssignedUnitCode = leadCode;
            ticket.SignDueAt = At.AddDays(-2);
            ticket.FinishDueAt = At.AddDays(4);
        }
        if (state is InProgress or Suspended or Replied or Closed)
        {
            ticket.SignedAt = At.AddDays(-2.5);
            ticket.Units.Add(new TicketUnit { UnitCode = CoHandler, Role = UnitRole.CoHandler, AddedAt = At.AddDays(-2) });
        }
        ticket.Units.Add(new TicketUnit
        {
            UnitCode = SummonedDepartment, Role = UnitRole.Summoned, AddedAt = At.AddDays(-2), ReportDueAt = At.AddDays(-1.9),
            ReportedAt = SummonsWaits(situation) ? null : At.AddDays(-1.95), Report = SummonsWaits(situation) ? null : "已到场",
            EscalatedAt = situation == Situation.SummonsEscalated ? At.AddDays(-1.9) : null,
        });
        if (situation == Situation.ExtensionWaiting)
        {
            ticket.ExtensionRequestedDays = 3;
            ticket.ExtensionReason = "需要采购配件";
        }
        if (state == Suspended) ticket.SuspendedAt = At.AddDays(-1);
        if (state is Replied or Closed)
        {
            ticket.Reply = "已修好";
            ticket.RepliedAt = At.AddDays(-1);
        }
        if (state == Closed) ticket.ClosedAt = At.AddHours(-12);
        if (state == Merged) ticket.MergedIntoId = id - 1;
        return ticket;
    }
}
