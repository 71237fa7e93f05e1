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
}
