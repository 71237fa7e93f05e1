using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.GetTicket;

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
    public static TicketView Of(Ticket t, IEnumerable<TicketAction>? actions = null) => new(
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

    /// <summary>
    /// What the reporter sees: the steps and the units, not the staff's names, notes, return reasons or departments'
    /// report-in texts (the reply to them is <see cref="Reply"/>).
    /// </summary>
    public TicketView ForReporter() => this with
    {
        Units = Units.Select(u => u with { Report = null, ReportedBy = null, WithdrawReason = null }).ToList(),
        Actions = Actions?.Select(a => a with { UserName = null, Opinion = null }).ToList(),
    };
}

internal static class GetTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{id:long}", async Task<Ok<TicketView>> (long id, RequestsDbContext db, HttpContext http, CancellationToken ct) =>
            {
                // Outside the caller's scope the ticket does not exist for them (404), by the context's filter.
                var ticket = await db.Tickets.AsNoTracking().Include(t => t.Units).Include(t => t.Actions).AsSplitQuery()
                                 .FirstOrDefaultAsync(t => t.Id == id, ct)
                             ?? throw new NotFoundException($"Ticket {id} does not exist.");
                var view = TicketView.Of(ticket, ticket.Actions);
                return TypedResults.Ok(http.User.IsInRole(Roles.Resident) ? view.ForReporter() : view);
            })
            .WithName("GetTicket")
            .WithSummary("One ticket with its units and its whole history, if it is in the caller's scope.");
}
