using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.PostUpdate;

/// <summary>
/// A client's update on a request it filed becomes a resident's comment in the ticket's history (the handling unit reads
/// it there and in its inbox) in one save with the update's row. The client's update_id makes it idempotent: a retry, or
/// two racing, answer with the first comment's update_id. Another client's request, or none, is the spec's 404.
/// </summary>
internal sealed class PostUpdateHandler(RequestsDbContext db, TicketWorkflow workflow, TimeProvider clock)
{
    private const int Attempts = 3;

    public async Task<Open311Result> HandleAsync((int Id, string Name) client, Open311NewUpdate update, string format, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await EarlierAsync(client.Id, update.UpdateId, ct) is { } earlier) return Answer(earlier, update, format);
            var ticketId = await db.Open311Submissions.IgnoreQueryFilters().AsNoTracking()
                               .Where(s => s.ClientId == client.Id && s.Ticket!.Number == update.ServiceRequestId).Select(s => (long?)s.TicketId).FirstOrDefaultAsync(ct)
                           ?? throw Open311Exception.NotFound("没有本客户端提交的服务请求“{0}”。", update.ServiceRequestId);
            var ticket = await db.Tickets.IgnoreQueryFilters().FirstAsync(t => t.Id == ticketId, ct);
            var actor = new Actor(null, "open311:" + client.Name, new HashSet<string>(), null, null);
            var comment = workflow.Commented(ticket, actor, update.Comment());
            db.Open311ClientUpdates.Add(new Open311ClientUpdate
            {
                ClientId = client.Id, ClientUpdateId = update.UpdateId, Action = comment, Status = update.Status, UpdatedAt = update.UpdatedAt,
                MediaUrl = update.MediaUrl, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
            try
            {
                await db.SaveChangesAsync(ct);
                return Answer(comment.Id, update, format);
            }
            catch (DbUpdateException e) when (attempt < Attempts)
            {
                // Staff acted on the ticket meanwhile (its version moved), or the same update raced this one: look again.
                db.ChangeTracker.Clear();
                if (e is not DbUpdateConcurrencyException && await EarlierAsync(client.Id, update.UpdateId, ct) is null) throw;
            }
        }
    }

    private Task<long?> EarlierAsync(int clientId, string updateId, CancellationToken ct) =>
        db.Open311ClientUpdates.AsNoTracking().Where(u => u.ClientId == clientId && u.ClientUpdateId == updateId).Select(u => (long?)u.ActionId).FirstOrDefaultAsync(ct);

    /// <summary>The extension's answer: the update_id this server gives the update (the comment's), and the client's account_id.</summary>
    private static Open311Result Answer(long actionId, Open311NewUpdate update, string format)
    {
        var item = new O311Object("request_update").Add("update_id", actionId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (update.AccountId is not null) item.Add("account_id", update.AccountId);
        return new Open311Result(new O311List("service_request_updates", "request_update", [item]), format);
    }
}
