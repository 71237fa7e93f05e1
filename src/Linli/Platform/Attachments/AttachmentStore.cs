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
    IHostEnvironment environment, IEnumerable<IAttachmentOwner> owners, TimeProvider clock) : IPendingAttachmentSweep where TContext : DbContext
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
    /// Stores checked files under the record, named after their position ("1.jpg", "2.png", …, continuing after the highest
    /// number it has). In a folder each file is written to a temporary name and moved into place before its row is saved, and the
    /// moved files are deleted again if the rows cannot be saved: a row never names a missing or partly written file.
    /// </summary>
    public async Task<IReadOnlyList<Attachment>> SaveAsync(string kind, string ownerId, IReadOnlyList<CheckedFile> files, CancellationToken ct)
    {
        if (files.Count == 0) return [];
        CheckSegment(kind);
        CheckSegment(ownerId);
        // After the highest number taken, not the count: files dropped from the middle leave gaps ("2.png" alone).
        var names = await db.Set<Attachment>().Where(a => a.OwnerKind == kind && a.OwnerId == ownerId).Select(a => a.Name).ToListAsync(ct);
        var taken = names.Select(Number).DefaultIfEmpty(0).Max();
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

    /// <summary>
    /// After the transaction that saved these rows (with <see cref="SaveAsync"/>, inside a transaction the caller began)
    /// was rolled back: deletes their files, so that no file is left without its row. Rows with their bytes in the
    /// database have nothing to delete.
    /// </summary>
    public void DiscardRolledBack(IEnumerable<Attachment> rows)
    {
        foreach (var row in rows)
        {
            if (row.StoredFile is { } stored) File.Delete(Path.Combine(Root, stored));
            if (db.Entry(row).State != EntityState.Detached) db.Entry(row).State = EntityState.Detached;
        }
    }

    /// <summary>Keeps the checked files of a form shown again beside those it keeps already (expired ones go by <see cref="PendingAttachmentsCleanup"/>).</summary>
    public Task<IReadOnlyList<Attachment>> KeepPendingAsync(string pendingId, IReadOnlyList<CheckedFile> files, CancellationToken ct) =>
        SaveAsync(PendingAttachments.Kind, pendingId, files, ct);

    /// <summary>The files a form keeps ("1.jpg", …), with their sizes, in order.</summary>
    public Task<IReadOnlyList<Attachment>> PendingAsync(string pendingId, CancellationToken ct) => RowsAsync(PendingAttachments.Kind, pendingId, ct);

    /// <summary>The pending files named (read back as checked files of <paramref name="rules"/>' types), in order; one query.</summary>
    public async Task<IReadOnlyList<CheckedFile>> ReadPendingAsync(string pendingId, IReadOnlyCollection<string> names, AttachmentRules rules, CancellationToken ct)
    {
        if (names.Count == 0) return [];
        var rows = await db.Set<Attachment>().AsNoTracking()
            .Where(a => a.OwnerKind == PendingAttachments.Kind && a.OwnerId == pendingId && names.Contains(a.Name))
            .Select(a => new { a.Name, a.ContentType, a.Content, a.StoredFile })
            .ToListAsync(ct);
        var read = new List<CheckedFile>();
        foreach (var row in rows.OrderBy(a => a.Name.Length).ThenBy(a => a.Name, StringComparer.Ordinal))
        {
            var type = rules.Types.FirstOrDefault(t => t.ContentType == row.ContentType);
            var bytes = row.Content ?? (row.StoredFile is { } file && File.Exists(Path.Combine(Root, file)) ? await File.ReadAllBytesAsync(Path.Combine(Root, file), ct) : null);
            if (type is not null && bytes is not null) read.Add(new CheckedFile(bytes, type));
        }
        return read;
    }

    /// <summary>Drops a form's pending files: those not named in <paramref name="keep"/> (all when it is empty).</summary>
    public Task DropPendingAsync(string pendingId, IReadOnlyCollection<string> keep, CancellationToken ct) =>
        DeleteAsync(db.Set<Attachment>().Where(a => a.OwnerKind == PendingAttachments.Kind && a.OwnerId == pendingId && !keep.Contains(a.Name)), ct);

    /// <summary>
    /// Moves a form's pending files to the form's new key (<paramref name="toPendingId"/>, with no files of its own yet):
    /// the files stay where they are, only their owner changes.
    /// </summary>
    public Task<int> MovePendingAsync(string fromPendingId, string toPendingId, CancellationToken ct)
    {
        CheckSegment(toPendingId);
        return db.Set<Attachment>().Where(a => a.OwnerKind == PendingAttachments.Kind && a.OwnerId == fromPendingId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.OwnerId, toPendingId), ct);
    }

    /// <summary>
    /// Deletes up to <paramref name="batch"/> pending files older than <see cref="PendingAttachments.Lifetime"/>, oldest
    /// first; returns how many. Several instances may sweep at once: a row is deleted once, whoever gets there.
    /// </summary>
    public async Task<int> DropExpiredPendingAsync(int batch, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - PendingAttachments.Lifetime;
        var expired = await db.Set<Attachment>().Where(a => a.OwnerKind == PendingAttachments.Kind && a.CreatedAt < cutoff)
            .OrderBy(a => a.CreatedAt).Select(a => a.Id).Take(batch).ToListAsync(ct);
        return expired.Count == 0 ? 0 : await DeleteAsync(db.Set<Attachment>().Where(a => expired.Contains(a.Id)), ct);
    }

    /// <summary>
    /// Deletes the rows, then their files, then each owner's folder the last file left empty (every pending form has
    /// a folder of its own: kept, they would pile up empty by the thousand). Returns how many rows were deleted.
    /// </summary>
    private async Task<int> DeleteAsync(IQueryable<Attachment> rows, CancellationToken ct)
    {
        var files = await rows.Where(a => a.StoredFile != null).Select(a => a.StoredFile!).ToListAsync(ct);
        var deleted = await rows.ExecuteDeleteAsync(ct);
        foreach (var file in files) File.Delete(Path.Combine(Root, file));
        foreach (var folder in files.Select(f => Path.GetDirectoryName(Path.Combine(Root, f))!).Distinct(StringComparer.Ordinal))
        {
            try
            {
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
            }
            catch (IOException)
            {
                // A file was written into it meanwhile: the folder is in use again.
            }
        }
        return deleted;
    }

    /// <summary>The record's attachments in order of their names; none when the caller may not read the record.</summary>
    public async Task<IReadOnlyList<Attachment>> ListAsync(string kind, string ownerId, CancellationToken ct) =>
        await MayReadAsync(kind, ownerId, ct) ? await RowsAsync(kind, ownerId, ct) : [];

    /// <summary>
    /// The attachments of several records of one kind (without their bytes, each record's in order of their names), in one
    /// query; records the caller may not read have none.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<Attachment>>> ListManyAsync(string kind, IReadOnlyCollection<string> ownerIds, CancellationToken ct)
    {
        if (ownerIds.Count == 0) return new Dictionary<string, IReadOnlyList<Attachment>>();
        var owner = owners.FirstOrDefault(o => o.Kind == kind) ?? throw new InvalidOperationException($"No module owns attachments of kind '{kind}'.");
        var readable = (await owner.ReadableAsync(ownerIds, ct)).ToList();
        if (readable.Count == 0) return new Dictionary<string, IReadOnlyList<Attachment>>();
        var rows = await db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerKind == kind && readable.Contains(a.OwnerId))
            .Select(a => new Attachment { Id = a.Id, OwnerKind = a.OwnerKind, OwnerId = a.OwnerId, Name = a.Name, ContentType = a.ContentType, Length = a.Length, Sha256 = a.Sha256, CreatedAt = a.CreatedAt })
            .ToListAsync(ct);
        return rows.GroupBy(a => a.OwnerId, StringComparer.Ordinal).ToDictionary(g => g.Key,
            g => (IReadOnlyList<Attachment>)g.OrderBy(a => a.Name.Length).ThenBy(a => a.Name, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
    }

    /// <summary>An owner's attachments without their bytes, in order of their names ("2.png" before "10.png").</summary>
    private async Task<IReadOnlyList<Attachment>> RowsAsync(string kind, string ownerId, CancellationToken ct)
    {
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
            FileStream Create()
            {
                try
                {
                    return new FileStream(temporary, streamOptions);
                }
                catch (DirectoryNotFoundException)
                {
                    // The owner's folder was removed as empty (DeleteAsync) between its check and this file: again.
                    PrivateFiles.EnsureFolder(folder);
                    return new FileStream(temporary, streamOptions);
                }
            }
            await using (var stream = Create())
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

    /// <summary>The position a stored name carries ("3" of "3.png"); 0 for a name of another form.</summary>
    private static int Number(string name) =>
        int.TryParse(name.AsSpan(0, Math.Max(0, name.IndexOf('.', StringComparison.Ordinal))), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>Kinds and owner ids become folder names: letters, digits, '-' and '_' only.</summary>
    private static void CheckSegment(string value)
    {
        if (value.Length == 0 || value.Length > AttachmentConfiguration.OwnerIdLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{value}' cannot name an attachment's owner."), nameof(value));
    }
}
