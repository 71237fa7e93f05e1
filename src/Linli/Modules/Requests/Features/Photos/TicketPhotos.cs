using Linli.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Photos;

/// <summary>
/// Photos of a ticket, kept in the data folder (requests/photos/{ticket id}/), never under wwwroot: they are served only by
/// the ticket page, after the ticket was read through the scoped context (outside the caller's scope it is a 404). The type
/// is taken from the content's signature (JPEG, PNG, WebP), never from the name or the browser's claim.
/// </summary>
internal sealed class TicketPhotos(IOptions<DatabaseOptions> database, IHostEnvironment environment)
{
    public const int MaxCount = 3;
    public const long MaxBytes = 5 * 1024 * 1024;

    public sealed record Photo(byte[] Content, string Extension);

    public enum Problem { None, TooMany, TooLarge, WrongType }

    private string Root => Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "requests", "photos");

    /// <summary>Reads and checks the uploads; the first problem found, or the photos.</summary>
    public static async Task<(Problem Problem, IReadOnlyList<Photo> Photos)> ReadAsync(IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var uploads = files.Where(f => f.Length > 0).ToList();
        if (uploads.Count > MaxCount) return (Problem.TooMany, []);
        var photos = new List<Photo>();
        foreach (var file in uploads)
        {
            if (file.Length > MaxBytes) return (Problem.TooLarge, []);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (ExtensionOf(bytes) is not { } extension) return (Problem.WrongType, []);
            photos.Add(new Photo(bytes, extension));
        }
        return (Problem.None, photos);
    }

    /// <summary>"jpg", "png" or "webp" by the file's first bytes; null for anything else.</summary>
    public static string? ExtensionOf(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "jpg";
        if (b.Length >= 8 && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "png";
        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "webp";
        return null;
    }

    public static string ContentType(string extension) => extension switch { "png" => "image/png", "webp" => "image/webp", _ => "image/jpeg" };

    public async Task SaveAsync(long ticketId, IReadOnlyList<Photo> photos, CancellationToken ct)
    {
        if (photos.Count == 0) return;
        var folder = Path.Combine(Root, ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        for (var i = 0; i < photos.Count; i++)
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{i + 1}.{photos[i].Extension}"), photos[i].Content, ct);
    }

    /// <summary>File names of the ticket's photos ("1.jpg", …). Call only for a ticket the caller may read.</summary>
    public IReadOnlyList<string> List(long ticketId)
    {
        var folder = Path.Combine(Root, ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>The full path of one photo, or null; the name must be one that <see cref="List"/> gives (no path tricks).</summary>
    public string? Find(long ticketId, string name) => List(ticketId).Contains(name, StringComparer.Ordinal)
        ? Path.Combine(Root, ticketId.ToString(System.Globalization.CultureInfo.InvariantCulture), name)
        : null;
}
