using System.Globalization;
using System.Security.Cryptography;
using Linli.Platform.Persistence;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Attachments;

/// <summary>
/// The attachments of one module's records, kept in the module's context (<typeparamref name="TContext"/> maps
/// <see cref="AttachmentConfiguration"/>). Checks uploads by content and size, stores them in the database or the
/// attachments folder, and lists or serves them only when the owning module's <see cref="IAttachmentOwner"/> says the
/// caller may read the record.
/// </summary>
internal sealed class AttachmentStore<TContext>(TContext db, IOptions<AttachmentOptions> options, IOptions<DatabaseOptions> database,
    IHostEnvironment environment, IEnumerable<IAttachmentOwner> owners, TimeProvider clock) where TContext : DbContext
{
    public sealed record Content(Stream Stream, string ContentType, long Length, string Sha256);

    private AttachmentOptions Options => options.Value;

    /// <summary>The folder of <see cref="AttachmentStorage.Folder"/>, never under wwwroot.</summary>
    public string Root => Path.GetFullPath(Options.Folder, Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath));

    /// <summary>Reads and checks the uploads (empty file inputs are ignored): count, size, then type by signature.</summary>
    public async Task<UploadCheck> CheckAsync(IReadOnlyList<IFormFile> files, AttachmentRules rules, CancellationToken ct)
    {
        var max = Options.MaxBytes;
        var uploads = files.Where(f => f.Length > 0).ToList();
        if (uploads.Count > rules.MaxCount) return new UploadCheck(UploadProblem.TooMany, [], max);
        var read = new List<CheckedFile>();
        foreach (var file in uploads)
        {
            if (file.Length > max) return new UploadCheck(UploadProblem.TooLarge, [], max);
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (FileSignature.Of(bytes, rules.Types) is not { } type) return new UploadCheck(UploadProblem.WrongType, [], max);
            read.Add(new CheckedFile(bytes, type));
        }
        return new UploadCheck(UploadProblem.None, read, max);
    }

    /// <summary>
    /// Stores checked files under the record, named after their position ("1.jpg", "2.png", …, continuing after those it
    /// has). In a folder each file is written to a temporary name and moved into place before its row is saved, and the
    /// moved files are deleted again if the rows cannot be saved: a row never names a missing or partly written file.
    /// </summary>
    public async Task<IReadOnlyList<Attachment>> SaveAsync(string kind, string ownerId, IReadOnlyList<CheckedFile> files, CancellationToken ct)
    {
        if (files.Count == 0) return [];
        CheckSegment(kind);
        CheckSegment(ownerId);
        var taken = await db.Set<Attachment>().CountAsync(a => a.OwnerKind == kind && a.OwnerId == ownerId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var placed = new List<string>();
        var rows = new List<Attachment>();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                var row = new Attachment
                {
                    OwnerKind = kind, OwnerId = ownerId, Name = $"{taken + i + 1}.{file.Type.Extension}", ContentType = file.Type.ContentType,
                    Length = file.Content.LongLength, Sha256 = Convert.ToHexString(SHA256.HashData(file.Content)), CreatedAt = now,
                };
                if (Options.Storage == AttachmentStorage.Database) row.Content = file.Content;
                else
                {
                    row.StoredFile = $"{kind}/{ownerId}/{Guid.NewGuid():N}.{file.Type.Extension}";
                    await WriteAtomicallyAsync(Path.Combine(Root, row.StoredFile), file.Content, ct);
                    placed.Add(row.StoredFile);
                }
                rows.Add(row);
            }
            db.Set<Attachment>().AddRange(rows);
            await db.SaveChangesAsync(ct);
            return rows;
        }
        catch
        {
            foreach (var stored in placed) File.Delete(Path.Combine(Root, stored));
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
            throw;
        }
    }

    /// <summary>Keeps the checked files of a form shown again beside those it keeps already; drops pending files of a day ago.</summary>
    public async Task<IReadOnlyList<Attachment>> KeepPendingAsync(string pendingId, IReadOnlyList<CheckedFile> files, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - PendingAttachments.Lifetime;
        var expired = await db.Set<Attachment>().Where(a => a.OwnerKind == PendingAttachments.Kind && a.CreatedAt < cutoff).Select(a => a.Id).Take(100).ToListAsync(ct);
        if (expired.Count > 0) await DeleteAsync(db.Set<Attachment>().Where(a => expired.Contains(a.Id)), ct);
        return await SaveAsync(PendingAttachments.Kind, pendingId, files, ct);
    }

    /// <summary>The files a form keeps ("1.jpg", …), with their sizes, in order.</summary>
    public async Task<IReadOnlyList<Attachment>> PendingAsync(string pendingId, CancellationToken ct)
    {
        var rows = await db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerKind == PendingAttachments.Kind && a.OwnerId == pendingId)
            .Select(a => new Attachment { Id = a.Id, OwnerKind = a.OwnerKind, OwnerId = a.OwnerId, Name = a.Name, ContentType = a.ContentType, Length = a.Length, Sha256 = a.Sha256, CreatedAt = a.CreatedAt })
            .ToListAsync(ct);
        return rows.OrderBy(a => a.Name.Length).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The pending files named (read back as checked files of <paramref name="rules"/>' types), in order.</summary>
    public async Task<IReadOnlyList<CheckedFile>> ReadPendingAsync(string pendingId, IReadOnlyCollection<string> names, AttachmentRules rules, CancellationToken ct)
    {
        var read = new List<CheckedFile>();
        foreach (var row in (await PendingAsync(pendingId, ct)).Where(a => names.Contains(a.Name)))
        {
            var type = rules.Types.FirstOrDefault(t => t.ContentType == row.ContentType);
            var stored = await db.Set<Attachment>().AsNoTracking().Where(a => a.Id == row.Id).Select(a => new { a.Content, a.StoredFile }).FirstAsync(ct);
            var bytes = stored.Content ?? (stored.StoredFile is { } file && File.Exists(Path.Combine(Root, file)) ? await File.ReadAllBytesAsync(Path.Combine(Root, file), ct) : null);
            if (type is not null && bytes is not null) read.Add(new CheckedFile(bytes, type));
        }
        return read;
    }

    /// <summary>Drops a form's pending files: those not named in <paramref name="keep"/> (all when it is empty).</summary>
    public Task DropPendingAsync(string pendingId, IReadOnlyCollection<string> keep, CancellationToken ct) =>
        DeleteAsync(db.Set<Attachment>().Where(a => a.OwnerKind == PendingAttachments.Kind && a.OwnerId == pendingId && !keep.Contains(a.Name)), ct);

    private async Task DeleteAsync(IQueryable<Attachment> rows, CancellationToken ct)
    {
        var files = await rows.Where(a => a.StoredFile != null).Select(a => a.StoredFile!).ToListAsync(ct);
        await rows.ExecuteDeleteAsync(ct);
        foreach (var file in files) File.Delete(Path.Combine(Root, file));
    }

    /// <summary>The record's attachments in order of their names; none when the caller may not read the record.</summary>
    public async Task<IReadOnlyList<Attachment>> ListAsync(string kind, string ownerId, CancellationToken ct)
    {
        if (!await MayReadAsync(kind, ownerId, ct)) return [];
        var rows = await db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerKind == kind && a.OwnerId == ownerId)
            .Select(a => new Attachment { Id = a.Id, OwnerKind = a.OwnerKind, OwnerId = a.OwnerId, Name = a.Name, ContentType = a.ContentType, Length = a.Length, Sha256 = a.Sha256, CreatedAt = a.CreatedAt })
            .ToListAsync(ct);
        return rows.OrderBy(a => a.Name.Length).ThenBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>One attachment's bytes, or null when there is none of that name or the caller may not read the record.</summary>
    public async Task<Content?> OpenAsync(string kind, string ownerId, string name, CancellationToken ct)
    {
        if (!await MayReadAsync(kind, ownerId, ct)) return null;
        var row = await db.Set<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.OwnerKind == kind && a.OwnerId == ownerId && a.Name == name, ct);
        if (row is null) return null;
        if (row.Content is { } bytes) return new Content(new MemoryStream(bytes, writable: false), row.ContentType, row.Length, row.Sha256);
        var path = Path.Combine(Root, row.StoredFile!);
        return File.Exists(path) ? new Content(File.OpenRead(path), row.ContentType, row.Length, row.Sha256) : null;
    }

    private async Task<bool> MayReadAsync(string kind, string ownerId, CancellationToken ct) =>
        owners.FirstOrDefault(o => o.Kind == kind) is { } owner
            ? await owner.MayReadAsync(ownerId, ct)
            : throw new InvalidOperationException($"No module owns attachments of kind '{kind}'.");

    private static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken ct)
    {
        var folder = Path.GetDirectoryName(path)!;
        PrivateFiles.EnsureFolder(folder);
        var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + ".tmp");
        try
        {
            var streamOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) streamOptions.UnixCreateMode = PrivateFiles.OwnerOnlyFile;
            await using (var stream = new FileStream(temporary, streamOptions))
            {
                await stream.WriteAsync(content, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Kinds and owner ids become folder names: letters, digits, '-' and '_' only.</summary>
    private static void CheckSegment(string value)
    {
        if (value.Length == 0 || value.Length > AttachmentConfiguration.OwnerIdLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{value}' cannot name an attachment's owner."), nameof(value));
    }
}
