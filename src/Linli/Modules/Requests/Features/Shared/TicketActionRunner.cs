using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Requests.Features.Shared;

/// <summary>
/// What every action endpoint does around its one workflow step: load the ticket in the caller's scope at the version the
/// caller saw, act, save it all in one transaction, answer the ticket as it now is.
/// </summary>
internal sealed class TicketActionRunner(TicketWorkflow workflow, IHttpContextAccessor http, IAreaScope scope)
{
    public async Task<Ok<TicketView>> RunAsync(long id, int? version, Func<TicketWorkflow, Ticket, Actor, Task> act, CancellationToken ct)
    {
        var ticket = await workflow.LoadAsync(id, version, ct);
        var actor = Actor.From(http.HttpContext?.User, scope);
        await act(workflow, ticket, actor);
        await workflow.SaveAsync(ticket, ct);
        return TypedResults.Ok(TicketView.Of(ticket, TicketViewRule.AudienceOf(actor)));
    }

    public Task<Ok<TicketView>> RunAsync(long id, int? version, Action<TicketWorkflow, Ticket, Actor> act, CancellationToken ct) =>
        RunAsync(id, version, (w, t, a) =>
        {
            act(w, t, a);
            return Task.CompletedTask;
        }, ct);
}
