namespace Linli.Modules.Requests.Domain;

/// <summary>Someone the rules name, as a question about the actor and the ticket.</summary>
internal sealed class Party(string name, Func<Actor, Ticket, bool> includes)
{
    public static readonly Party Centre = new("the centre", (a, _) => a.IsCentre);

    /// <summary>The unit the ticket is sent to now (none once it is returned).</summary>
    public static readonly Party LeadUnit = new("the lead unit", (a, t) => a.ActsFor(t.AssignedUnitCode));

    public static readonly Party WorkerOfThePlace = new("a grid or community worker of the place", (a, t) => a.WorksIn(t.CommunityCode));
    public static readonly Party SupervisorOfThePlace = new("the street, district or supervisor over the place", (a, t) => a.Supervises(t.CommunityCode));

    /// <summary>A department summoned to the ticket, whether or not it has reported in yet; a withdrawn summons no longer counts.</summary>
    public static readonly Party SummonedDepartment = new("a summoned department",
        (a, t) => a.DepartmentCode is { } department && t.Units.Any(u => u.Role == UnitRole.Summoned && u.IsActive && u.UnitCode == department));

    /// <summary>
    /// The district over the place, once a summons on the ticket has gone unanswered past its time: the escalation hands it
    /// the coordination of that whistle (a district directs its departments; a street or community cannot).
    /// </summary>
    public static readonly Party DistrictOverAnEscalatedSummons = new("the district over the place once a summons is escalated",
        (a, t) => a.IsDistrictOver(t.CommunityCode) && t.PendingSummons.Any(u => u.EscalatedAt is not null));

    public static readonly Party Reporter = new("the resident who filed it", (a, t) => a.UserId is not null && a.UserId == t.ReporterUserId);
    public static readonly Party System = new("the system", (a, _) => a.IsSystem);

    public string Name { get; } = name;

    public bool Includes(Actor actor, Ticket ticket) => includes(actor, ticket);

    public static Party operator |(Party a, Party b) => new($"{a.Name} or {b.Name}", (actor, ticket) => a.Includes(actor, ticket) || b.Includes(actor, ticket));

    public override string ToString() => Name;
}
