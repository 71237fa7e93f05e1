using System.Globalization;
using Linli.Modules.Requests.Data;
using Linli.Platform.Attachments;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Photos;

/// <summary>A ticket's photos may be read by whoever may read the ticket: it is found through the scoped context.</summary>
internal sealed class TicketPhotoOwner(RequestsDbContext db) : IAttachmentOwner
{
    public string Kind => TicketPhotos.Kind;

    public async Task<bool> MayReadAsync(string ownerId, CancellationToken cancellationToken) =>
        long.TryParse(ownerId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && await db.Tickets.AsNoTracking().AnyAsync(t => t.Id == id, cancellationToken);
}
