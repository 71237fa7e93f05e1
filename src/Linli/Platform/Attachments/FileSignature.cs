namespace Linli.Platform.Attachments;

/// <summary>A type of file known by its first bytes (its signature, "magic number"), with the extension it is stored under.</summary>
internal sealed record FileType(string ContentType, string Extension);

/// <summary>Tells a file's type from its content, never from its name or the type the client claims.</summary>
internal static class FileSignature
{
    public static readonly FileType Jpeg = new("image/jpeg", "jpg");
    public static readonly FileType Png = new("image/png", "png");
    public static readonly FileType WebP = new("image/webp", "webp");
    public static readonly FileType Pdf = new("application/pdf", "pdf");

    /// <summary>The photos a phone or camera sends.</summary>
    public static readonly IReadOnlyList<FileType> Images = [Jpeg, Png, WebP];

    /// <summary>A document handed in as a file: a PDF, or a scan or photo of the paper as JPEG or PNG.</summary>
    public static readonly IReadOnlyList<FileType> Documents = [Pdf, Jpeg, Png];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The type among <paramref name="allowed"/> that the bytes carry the signature of; null for anything else.</summary>
    public static FileType? Of(ReadOnlySpan<byte> b, IReadOnlyList<FileType> allowed)
    {
        var found =
            b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF ? Jpeg
            : b.Length >= 8 && b[..8].SequenceEqual(PngSignature) ? Png
            : b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? WebP
            : b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8) ? Pdf
            : null;
        return found is not null && allowed.Contains(found) ? found : null;
    }
}
