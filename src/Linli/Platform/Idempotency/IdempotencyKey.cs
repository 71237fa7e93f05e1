using System.Security.Cryptography;
using System.Text;
using Linli.Platform.Errors;

namespace Linli.Platform.Idempotency;

/// <summary>
/// A submission's identity: the caller, the key the caller chose (the <c>Idempotency-Key</c> header of the IETF draft
/// "The Idempotency-Key HTTP Header Field", or a form's hidden key) and a fingerprint of what was submitted.
/// </summary>
internal sealed record IdempotencyKey(string Caller, string Key, string RequestHash)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>
    /// The key a request carries in the header, or null when it has none. The draft makes the value a structured-field
    /// string ("…"); the bare token most clients send is taken too. A key that is empty, too long or not printable ASCII is a 400.
    /// </summary>
    public static string? FromHeader(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0) return null;
        if (values.Count > 1) throw Invalid("只能发送一个 Idempotency-Key。");
        return Parse(values[0]) ?? throw Invalid("Idempotency-Key 须为 1 到 {0} 个可打印的 ASCII 字符。", MaxLength);
    }

    /// <summary>A key as given (header value or form field): trimmed, unquoted; null when it is not a usable key.</summary>
    public static string? Parse(string? value)
    {
        var key = value?.Trim();
        if (key is { Length: >= 2 } && key[0] == '"' && key[^1] == '"') key = key[1..^1];
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength || key.Any(c => c is < '!' or > '~')) return null;
        return key;
    }

    /// <summary>A fingerprint of the parts of a request that make it the same request (path, fields, body), in order.</summary>
    public static string Fingerprint(params IEnumerable<string?> parts)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
            var bytes = Encoding.UTF8.GetBytes(part ?? "\0");
            sha.AppendData(BitConverter.GetBytes(bytes.Length));
            sha.AppendData(bytes);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static ValidationFailedException Invalid(string message, params object?[] arguments) => ValidationFailedException.For(Header, message, arguments);
}
