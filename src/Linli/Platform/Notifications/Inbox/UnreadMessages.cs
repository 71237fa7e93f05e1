using Linli.Platform.Auth;
using Linli.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications.Inbox;

/// <summary>
/// The unread badge on 消息: the inbox's own addresses (<see cref="NotificationAddress.Of"/>), counted up to the cap by
/// the index on unread messages, so a unit inbox with years of read messages costs no more than an empty one.
/// </summary>
internal sealed class UnreadMessages(NotificationsDbContext db, IAreaScope scope) : IUnreadMessages
{
    public async Task<int> CountAsync(int cap, CancellationToken ct)
    {
        var addresses = NotificationAddress.Of(scope);
        if (addresses.Count == 0) return 0;
        var (unread, capped) = await Paging.Paging.CountUpToLimitAsync(db.Inbox.AsNoTracking().Where(m => addresses.Contains(m.Recipient) && m.ReadAt == null), cap, ct);
        return capped ? cap + 1 : (int)unread;
    }
}
