using System.Security.Claims;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;

namespace Linli.Modules.Requests.Features.Shared;

internal sealed record TicketUnitView(string UnitCode, string Role, bool IsActive, DateTime AddedAt, DateTime? ReportDueAt, DateTime? ReportedAt, string? Report,
    string? ReportedBy = null, DateTime? EscalatedAt = null, DateTime? WithdrawnAt = null, string? WithdrawReason = null);

internal sealed record TicketActionView(DateTime At, string? UserName, string? UnitCode, string Action, TicketState FromState, TicketState ToState, string? Opinion);

/// <summary>A ticket as staff and its reporter see it: the phone only masked, never in full.</summary>
internal sealed record TicketView(
    long Id, string Number, Channel Channel, int CategoryId, int RoutingRuleId, Urgency Urgency, string Description, string? Address,
    string CommunityCode, string? GridCode, double? Longitude, double? Latitude, bool IsAnonymous, string? PhoneMasked,
    TicketState State, string? AssignedUnitCode, DateTime CreatedAt, DateTime? DispatchedAt, DateTime? SignedAt, DateTime? SignDueAt,
    DateTime? FinishDueAt, DateTime? RepliedAt, DateTime? ClosedAt, string? Reply, Rating? Rating, int ReopenCount, int ReturnCount,
    bool UnderSupervision, bool IsOverdue, int? ExtensionRequestedDays, long? MergedIntoId, int Version,
    IReadOnlyList<TicketUnitView> Units, IReadOnlyList<TicketActionView>? Actions)
{
    /// <summary>The ticket as <paramref name="audience"/> may see it (the one view rule: <see cref="TicketViewRule"/>).</summary>
    public static TicketView Of(Ticket t, TicketAudience audience, IEnumerable<TicketAction>? actions = null) => TicketViewRule.Apply(Full(t, actions), audience);

    private static TicketView Full(Ticket t, IEnumerable<TicketAction>? actions) => new(
        t.Id, t.Number, t.Channel, t.CategoryId, t.RoutingRuleId, t.Urgency, t.Description, t.Address,
        t.CommunityCode, t.GridCode, t.Longitude, t.Latitude, t.IsAnonymous, t.IsAnonymous ? null : t.PhoneMasked,
        t.State, t.AssignedUnitCode, t.CreatedAt, t.DispatchedAt, t.SignedAt, t.SignDueAt,
        t.FinishDueAt, t.RepliedAt, t.ClosedAt, t.Reply, t.Rating, t.ReopenCount, t.ReturnCount,
        t.UnderSupervision, t.IsOverdue, t.ExtensionRequestedDays, t.MergedIntoId, t.Version,
        t.Units.OrderBy(u => u.AddedAt).ThenBy(u => u.Id)
            .Select(u => new TicketUnitView(u.UnitCode, u.Role.ToString(), u.IsActive, u.AddedAt, u.ReportDueAt, u.ReportedAt, u.Report,
                u.ReportedBy, u.EscalatedAt, u.WithdrawnAt, u.WithdrawReason)).ToList(),
        actions?.OrderBy(a => a.At).ThenBy(a => a.Id)
            .Select(a => new TicketActionView(a.At, a.UserName, a.UnitCode, a.Action.ToString(), a.FromState, a.ToState, a.Opinion)).ToList());
}

/// <summary>Who a ticket is shown to: the staff who handle and supervise it, or the resident who reported it.</summary>
internal enum TicketAudience { Reporter, Staff }

/// <summary>
/// The one rule for what a ticket shows, used by the list, the single ticket, the actions' answers and the pages alike:
/// the reporter sees the steps and the units, not the staff's names, notes, return reasons, departments' report-in
/// texts, who recorded a report-in for a department or why a summons was withdrawn (the answer meant for them is <see cref="TicketView.Reply"/>). Anyone without a staff role is a reporter.
/// </summary>
internal static class TicketViewRule
{
    public static TicketAudience AudienceOf(ClaimsPrincipal? user) =>
        user is not null && Roles.All.Where(Roles.IsStaff).Any(user.IsInRole) ? TicketAudience.Staff : TicketAudience.Reporter;

    /// <summary>The system (jobs, no sign-in) acts as staff; a signed-in caller by their roles.</summary>
    public static TicketAudience AudienceOf(Actor actor) =>
        ReferenceEquals(actor, Actor.System) || actor.Roles.Any(Roles.IsStaff) ? TicketAudience.Staff : TicketAudience.Reporter;

    public static TicketView Apply(TicketView view, TicketAudience audience) => audience == TicketAudience.Staff ? view : view with
    {
        Units = view.Units.Select(u => u with { Report = null, ReportedBy = null, WithdrawReason = null }).ToList(),
        Actions = view.Actions?.Select(a => a with { UserName = null, Opinion = null }).ToList(),
    };
}
