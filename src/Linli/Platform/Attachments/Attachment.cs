namespace Linli.Platform.Attachments;

/// <summary>
/// One stored file of a record some module owns (<see cref="OwnerKind"/> and <see cref="OwnerId"/>, e.g. "ticket" and its
/// id). Its bytes are in <see cref="Content"/> or in the file <see cref="StoredFile"/> under the attachments folder.
/// </summary>
internal sealed class Attachment
{
    public long Id { get; set; }
    public required string OwnerKind { get; set; }
    public required string OwnerId { get; set; }

    /// <summary>The name it is served under, unique per owner: its position and the extension of its type ("1.jpg").</summary>
    public required string Name { get; set; }

    /// <summary>Decided by the file's signature, never by the client's header or the file name.</summary>
    public required string ContentType { get; set; }

    public long Length { get; set; }

    /// <summary>SHA-256 of the bytes, hex.</summary>
    public required string Sha256 { get; set; }

    public byte[]? Content { get; set; }
    public string? StoredFile { get; set; }
    public DateTime CreatedAt { get; set; }
}
