namespace Linli.Platform.Attachments;

/// <summary>What a use case takes: how many files at most and of which types (the size limit is the platform's option).</summary>
internal sealed record AttachmentRules(int MaxCount, IReadOnlyList<FileType> Types);

/// <summary>A file whose size and signature were checked, read into memory.</summary>
internal sealed record CheckedFile(byte[] Content, FileType Type);

internal enum UploadProblem { None, TooMany, TooLarge, WrongType }

/// <summary>The first problem found, or the checked files; the owning module words the problem for its field.</summary>
internal sealed record UploadCheck(UploadProblem Problem, IReadOnlyList<CheckedFile> Files, long MaxBytes)
{
    public bool Ok => Problem == UploadProblem.None;

    /// <summary>The size limit in whole megabytes, for messages.</summary>
    public long MaxMegabytes => Math.Max(1, MaxBytes / (1024 * 1024));
}
