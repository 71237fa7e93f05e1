using System.ComponentModel.DataAnnotations;

namespace Linli.Platform.Attachments;

internal enum AttachmentStorage { Folder, Database }

/// <summary>Bound from the "Attachments" section; checked at start (a bad value stops the start, naming its key).</summary>
internal sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest <see cref="MaxBytes"/> may be; endpoints and pages size their request limits by it.</summary>
    public const long MaxBytesCeiling = 10 * 1024 * 1024;

    /// <summary>Where the bytes go: a folder under the data folder (the default), or a column beside the metadata.</summary>
    public AttachmentStorage Storage { get; set; } = AttachmentStorage.Folder;

    /// <summary>The folder for <see cref="AttachmentStorage.Folder"/>; a relative path is under Database:DataFolder.</summary>
    [Required]
    public string Folder { get; set; } = "attachments";

    /// <summary>The largest file taken, in bytes.</summary>
    [Range(1, MaxBytesCeiling)]
    public long MaxBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>How often pending files older than a day are swept (PendingAttachmentsCleanupJob), in minutes.</summary>
    [Range(1, 24 * 60)]
    public int PendingCleanupIntervalMinutes { get; set; } = 60;
}
