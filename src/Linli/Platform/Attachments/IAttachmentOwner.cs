namespace Linli.Platform.Attachments;

/// <summary>
/// The module that owns records of <see cref="Kind"/> answers whether the current caller may read one (typically: the
/// record is found through the module's scoped context). Attachments of a record the caller may not read are not found.
/// Registered scoped, one per kind.
/// </summary>
internal interface IAttachmentOwner
{
    string Kind { get; }

    Task<bool> MayReadAsync(string ownerId, CancellationToken cancellationToken);

    /// <summary>
    /// Which of <paramref name="ownerIds"/> the caller may read (for a list of several records' files at once). By default
    /// one <see cref="MayReadAsync"/> each; an owner whose records share a parent (a case's materials) answers in one query.
    /// </summary>
    async Task<IReadOnlySet<string>> ReadableAsync(IReadOnlyCollection<string> ownerIds, CancellationToken cancellationToken)
    {
        var readable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ownerIds.Distinct(StringComparer.Ordinal))
            if (await MayReadAsync(id, cancellationToken)) readable.Add(id);
        return readable;
    }
}
