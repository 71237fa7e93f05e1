using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications.Inbox;

/// <summary>One message as the API and the /inbox page show it; <see cref="AboutKind"/> and <see cref="AboutId"/> say what it is about (e.g. "ticket", 42).</summary>
internal sealed record InboxItem(long Id, string Subject, string Body, string? AboutKind, long? AboutId, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>The caller's inbox: their own, their department's and their area's messages (a unit's inbox is shared by its staff).</summary>
internal static class InboxEndpoints
{
    /// <summary>The caller's messages, newest first (the API and the /inbox page).</summary>
    public static async Task<Paged<InboxItem>> ListAsync(bool? unread, int? page, int? pageSize, IAreaScope scope, NotificationsDbContext db, CancellationToken ct)
    {
        var addresses = NotificationAddress.Of(scope);
        var query = db.Inbox.AsNoTracking().Where(m => addresses.Contains(m.Recipient));
        if (unread == true) query = query.Where(m => m.ReadAt == null);
        return await query.OrderByDescending(m => m.Id)
            .Select(m => new InboxItem(m.Id, m.Subject, m.Body, m.AboutKind, m.AboutId, m.CreatedAt, m.ReadAt))
            .ToPagedAsync(page, pageSize, ct);
    }

    /// <summary>Marks one of the caller's messages read; another's is a 404.</summary>
    public static async Task MarkReadAsync(long id, IAreaScope scope, NotificationsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var addresses = NotificationAddress.Of(scope);
        var message = await db.Inbox.FirstOrDefaultAsync(m => m.Id == id && addresses.Contains(m.Recipient), ct)
                      ?? throw new NotFoundException("消息 {0} 不存在。", id);
        if (message.ReadAt is null)
        {
            message.ReadAt = clock.GetUtcNow().UtcDateTime;
            message.ReadBy = scope.UserName;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Marks every unread message of the caller read, in one statement.</summary>
    public static async Task<int> MarkAllReadAsync(IAreaScope scope, NotificationsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var addresses = NotificationAddress.Of(scope);
        var now = clock.GetUtcNow().UtcDateTime;
        var reader = scope.UserName;
        return await db.Inbox.Where(m => addresses.Contains(m.Recipient) && m.ReadAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ReadAt, now).SetProperty(m => m.ReadBy, reader), ct);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", async Task<Ok<Paged<InboxItem>>> (bool? unread, int? page, int? pageSize, IAreaScope scope, NotificationsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(unread, page, pageSize, scope, db, ct)))
            .WithName("ReadInbox")
            .WithSummary("The caller's notifications (their own, their department's, their area's), newest first; paginated.");
        api.MapPost("/{id:long}/read", async Task<NoContent> (long id, IAreaScope scope, NotificationsDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                await MarkReadAsync(id, scope, db, clock, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkInboxMessageRead")
            .WithSummary("Marks one of the caller's notifications read.");
    }
}
