using System.Globalization;
using System.Security.Cryptography;
using Linli.Modules.Requests.Data;
using Linli.Platform.Attachments;
using Linli.Platform.Persistence;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Photos;

/// <summary>
/// Photos saved before the platform's attachments existed lie in the data folder as requests/photos/{ticket id}/{n}.{ext}
/// with no row: on start each becomes an attachment of its ticket, in the order of its number, and its old file is
/// removed once the row is saved. A file already adopted (same ticket, same bytes) is not adopted twice, so a start
/// stopped half-way finishes the work on the next.
/// </summary>
internal sealed class AdoptEarlierPhotos(AttachmentStore<RequestsDbContext> store, RequestsDbContext db, IOptions<DatabaseOptions> database,
    IHostEnvironment environment, ILogger<AdoptEarlierPhotos> logger) : IStartupTask
{
    public int Order => 60;

    public string Folder => Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "requests", "photos");

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Folder)) return;
        var adopted = 0;
        foreach (var ticketFolder in Directory.EnumerateDirectories(Folder))
        {
            if (!long.TryParse(Path.GetFileName(ticketFolder), NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId)) continue;
            var owner = ticketId.ToString(CultureInfo.InvariantCulture);
            var files = Directory.EnumerateFiles(ticketFolder)
                .Select(f => (Path: f, Number: int.TryParse(Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null))
                .Where(f => f.Number is not null).OrderBy(f => f.Number).ToList();
            foreach (var (path, _) in files)
            {
                var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                if (FileSignature.Of(bytes, FileSignature.Images) is not { } type) continue; // never served before either: left as it is
                var sha = Convert.ToHexString(SHA256.HashData(bytes));
                var known = await db.Set<Attachment>().AnyAsync(a => a.OwnerKind == TicketPhotos.Kind && a.OwnerId == owner && a.Sha256 == sha, cancellationToken);
                if (!known)
                {
                    await store.SaveAsync(TicketPhotos.Kind, owner, [new CheckedFile(bytes, type)], cancellationToken);
                    adopted++;
                }
                File.Delete(path);
            }
            if (!Directory.EnumerateFileSystemEntries(ticketFolder).Any()) Directory.Delete(ticketFolder);
        }
        if (!Directory.EnumerateFileSystemEntries(Folder).Any()) Directory.Delete(Folder);
        if (adopted > 0) logger.LogInformation("Adopted {Count} ticket photos saved before attachments existed", adopted);
    }
}
