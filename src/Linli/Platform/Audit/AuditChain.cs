using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Linli.Platform.Audit;

/// <summary>
/// The keys that sign the audit chain: the current one, and earlier ones kept only to verify entries written before a
/// rotation. Each is known by a fingerprint (<see cref="AuditEntry.KeyId"/>), never by the key itself.
/// </summary>
internal sealed class AuditChainKeys
{
    private readonly Dictionary<string, byte[]> _byId;

    public AuditChainKeys(byte[] current, IEnumerable<byte[]>? previous = null)
    {
        if (current.Length < 32) throw new ArgumentException("The audit chain key must be at least 32 bytes.", nameof(current));
        CurrentKey = current;
        CurrentId = IdOf(current);
        _byId = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [CurrentId] = current };
        foreach (var key in previous ?? []) _byId.TryAdd(IdOf(key), key);
    }

    public byte[] CurrentKey { get; }
    public string CurrentId { get; }

    public bool TryGet(string keyId, out byte[] key) => _byId.TryGetValue(keyId, out key!);

    /// <summary>
    /// Audit:Key (base64, at least 32 bytes) when configured, so that rotating the personal-data key leaves the chain
    /// alone; else a key derived from the personal-data master key. Audit:PreviousKeys lists earlier keys (base64, an
    /// array or comma-separated) that verification still accepts.
    /// </summary>
    public static AuditChainKeys From(IConfiguration configuration, byte[] personalDataMasterKey)
    {
        var configured = configuration["Audit:Key"];
        var current = string.IsNullOrWhiteSpace(configured)
            ? HKDF.DeriveKey(HashAlgorithmName.SHA256, personalDataMasterKey, 32, info: "linli:audit:chain"u8.ToArray())
            : Decode(configured, "Audit:Key");
        var section = configuration.GetSection("Audit:PreviousKeys");
        var previous = section.GetChildren().Select(c => c.Value).Append(section.Value)
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => Decode(v, "Audit:PreviousKeys"));
        return new AuditChainKeys(current, previous);
    }

    private static byte[] Decode(string base64, string setting)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            return key.Length >= 32 ? key : throw new InvalidOperationException($"{setting} must be at least 32 bytes (base64).");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{setting} is not base64.");
        }
    }

    private static string IdOf(byte[] key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, "linli:audit:key-id"u8))[..AuditLimits.KeyId];
}

/// <summary>
/// How an entry is bound to the chain: HMAC-SHA256 over a canonical encoding of every field (each length-prefixed, so no
/// two different entries encode alike), the entry's sequence number and the previous entry's hash. Whoever lacks the key
/// cannot make a changed entry match again, and removing, inserting or reordering entries breaks the links.
/// </summary>
internal static class AuditChain
{
    public const int HashSize = 32;

    /// <summary>What the first entry links to.</summary>
    public static readonly byte[] Genesis = new byte[HashSize];

    private static ReadOnlySpan<byte> EntryTag => "linli-audit-entry-v1"u8;
    private static ReadOnlySpan<byte> CheckpointTag => "linli-audit-checkpoint-v1"u8;

    [ThreadStatic] private static byte[]? _buffer;

    public static byte[] ComputeHash(byte[] key, AuditEntry e)
    {
        var strings = new[]
        {
            e.KeyId, e.UserId, e.UserName, e.UserDisplayName, e.Action, e.SubjectType, e.SubjectId, e.SubjectLabel, e.RegionCode, e.Field, e.Reason,
        };
        var size = EntryTag.Length + 8 + 8 + 1 + 8 + 4 + e.PreviousHash.Length;
        foreach (var s in strings) size += 4 + Encoding.UTF8.GetMaxByteCount(s.Length);
        var buffer = _buffer is { } b && b.Length >= size ? b : _buffer = new byte[Math.Max(size, 4096)];
        var span = buffer.AsSpan();
        var at = 0;
        EntryTag.CopyTo(span);
        at += EntryTag.Length;
        BinaryPrimitives.WriteInt64BigEndian(span[at..], e.Sequence);
        at += 8;
        BinaryPrimitives.WriteInt64BigEndian(span[at..], e.At.Ticks);
        at += 8;
        foreach (var s in strings)
        {
            var length = Encoding.UTF8.GetBytes(s, span[(at + 4)..]);
            BinaryPrimitives.WriteInt32BigEndian(span[at..], length);
            at += 4 + length;
        }
        span[at++] = e.Count is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt64BigEndian(span[at..], e.Count ?? 0);
        at += 8;
        BinaryPrimitives.WriteInt32BigEndian(span[at..], e.PreviousHash.Length);
        at += 4;
        e.PreviousHash.CopyTo(span[at..]);
        at += e.PreviousHash.Length;
        return HMACSHA256.HashData(key, span[..at]);
    }

    public static bool Verifies(byte[] key, AuditEntry e) =>
        e.Hash.Length == HashSize && CryptographicOperations.FixedTimeEquals(ComputeHash(key, e), e.Hash);

    public static byte[] CheckpointMac(byte[] key, long sequence, byte[] hash, DateTime at, string keyId)
    {
        var keyIdBytes = Encoding.UTF8.GetBytes(keyId);
        var buffer = new byte[CheckpointTag.Length + 8 + 8 + 4 + hash.Length + 4 + keyIdBytes.Length];
        var span = buffer.AsSpan();
        CheckpointTag.CopyTo(span);
        var i = CheckpointTag.Length;
        BinaryPrimitives.WriteInt64BigEndian(span[i..], sequence);
        BinaryPrimitives.WriteInt64BigEndian(span[(i + 8)..], at.Ticks);
        BinaryPrimitives.WriteInt32BigEndian(span[(i + 16)..], hash.Length);
        hash.CopyTo(span[(i + 20)..]);
        BinaryPrimitives.WriteInt32BigEndian(span[(i + 20 + hash.Length)..], keyIdBytes.Length);
        keyIdBytes.CopyTo(span[(i + 24 + hash.Length)..]);
        return HMACSHA256.HashData(key, buffer);
    }

    /// <summary>Both databases keep whole microseconds (PostgreSQL's precision); the hash is over what is read back.</summary>
    public static DateTime ToStoredPrecision(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    /// <summary>
    /// A value as the database will hand it back: no NUL (PostgreSQL refuses it), at most <paramref name="maxLength"/>
    /// characters, no half of a surrogate pair (UTF-8 cannot carry one). Hashing the stored form keeps verification exact.
    /// </summary>
    public static string Normalize(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value)) return "";
        var text = value.Contains('\0') ? value.Replace("\0", "", StringComparison.Ordinal) : value;
        if (text.Length > maxLength) text = text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];
        foreach (var c in text)
        {
            if (char.IsSurrogate(c)) return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        }
        return text;
    }
}
