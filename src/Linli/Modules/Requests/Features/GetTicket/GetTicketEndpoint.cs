using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using System.Linq.Expressions;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.GetTicket;

internal static class GetTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{id:long}", async Task<Ok<TicketView>> (long id, RequestsDbContext db, HttpContext http, IAuditLog audit, CancellationToken ct) =>
            {
                // Outside the caller's scope the ticket does not exist for them (404), by the context's filter.
                var ticket = await db.Tickets.AsNoTracking().Include(t => t.Units).Include(t => t.Actions).AsSplitQuery()
                    .FirstOrDefaultAsync(t => t.Id == id, ct);
                if (ticket is null)
                {
                    await RecordIfOutOfScopeAsync(audit, db, t => t.Id == id, ct);
                    throw new NotFoundException("工单 {0} 不存在。", id);
                }
                return TypedResults.Ok(TicketView.Of(ticket, TicketViewRule.AudienceOf(http.User), ticket.Actions));
            })
            .WithName("GetTicket")
            .WithSummary("One ticket with its units and its whole history, if it is in the caller's scope.");

    /// <summary>
    /// On the not-found path only: a ticket that exists outside the caller's scope is an attempt worth a supervisor's eye,
    /// recorded in the audit log under the ticket's community (the answer stays the same 404).
    /// </summary>
#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
    public static Task<bool> RecordIfOutOfScopeAsync(IAuditLog audit, RequestsDbContext db, Expression<Func<Ticket, bool>> match, CancellationToken ct) =>
        audit.RecordIfOutOfScopeAsync(AuditSubjects.Ticket,
            db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(match).Select(t => new AuditSubjectRef(t.Id.ToString(), t.CommunityCode, t.Number)), ct);
#pragma warning restore CA1305
}
