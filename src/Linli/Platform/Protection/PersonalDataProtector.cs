using System.Security.Cryptography;
using System.Text;

namespace Linli.Platform.Protection;

/// <summary>
/// Encrypts ID and phone numbers at rest (AES-256-GCM, random nonce) and derives a keyed hash (HMAC-SHA256) so
/// an exact value can be found without decrypting the table. Both keys derive from one configured master key.
/// </summary>
internal interface IPersonalDataProtector
{
    byte[] Encrypt(string plaintext);
    string Decrypt(byte[] ciphertext);
    byte[] LookupHash(string plaintext);
}

internal sealed class PersonalDataProtector : IPersonalDataProtector, IDisposable
{
    private const int NonceSize = 12, TagSize = 16;
    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;
    // AesGcm expands its key once per instance and is not thread-safe: one per thread keeps bulk seeding fast.
    private readonly ThreadLocal<AesGcm> _aes;

    public PersonalDataProtector(byte[] masterKey)
    {
        if (masterKey.Length < 32) throw new ArgumentException("The personal-data key must be at least 32 bytes.", nameof(masterKey));
        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "linli:pd:encrypt"u8.ToArray());
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "linli:pd:lookup"u8.ToArray());
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(_encryptionKey, TagSize), trackAllValues: true);
    }

    public void Dispose()
    {
        foreach (var aes in _aes.Values) aes.Dispose();
        _aes.Dispose();
    }

    public byte[] Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Value!.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length, TagSize));
        return output;
    }

    public string Decrypt(byte[] ciphertext) =>
        TryDecrypt(ciphertext, out var plaintext) ? plaintext : throw new CryptographicException("The value was not encrypted with this personal-data key.");

    /// <summary>False when the value was encrypted with another key (GCM's tag does not match) or is not a ciphertext.</summary>
    public bool TryDecrypt(byte[] ciphertext, out string plaintext)
    {
        plaintext = "";
        var length = ciphertext.Length - NonceSize - TagSize;
        if (length < 0) return false;
        var plain = new byte[length];
        try
        {
            _aes.Value!.Decrypt(ciphertext.AsSpan(0, NonceSize), ciphertext.AsSpan(NonceSize, length), ciphertext.AsSpan(NonceSize + length, TagSize), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        plaintext = Encoding.UTF8.GetString(plain);
        return true;
    }

    public byte[] LookupHash(string plaintext) => HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(plaintext.Trim().ToUpperInvariant()));

    /// <summary>
    /// A value that names a master key without revealing it (HMAC under a key derived for this purpose only). The
    /// database keeps the check value of the key its data is encrypted with, so a wrong key is refused at start-up.
    /// </summary>
    public static byte[] CheckValue(byte[] masterKey) =>
        HMACSHA256.HashData(HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: "linli:pd:check"u8.ToArray()), "linli personal-data key check"u8);

    /// <summary>The first 8 hex digits of a check value, to name a key in messages and logs.</summary>
    public static string Name(byte[] checkValue) => Convert.ToHexStringLower(checkValue.AsSpan(0, 4));
}

/// <summary>
/// The protector as the services hand it out: the key is read on first use, not when a service that may need it is
/// built, so the start-up key check (the first start-up task) is what meets a missing or wrong key first.
/// </summary>
internal sealed class KeyedPersonalDataProtector(PersonalDataKeySource keys) : IPersonalDataProtector, IDisposable
{
    private readonly Lazy<PersonalDataProtector> _protector = new(() => new PersonalDataProtector(keys.Key));

    public byte[] Encrypt(string plaintext) => _protector.Value.Encrypt(plaintext);
    public string Decrypt(byte[] ciphertext) => _protector.Value.Decrypt(ciphertext);
    public byte[] LookupHash(string plaintext) => _protector.Value.LookupHash(plaintext);

    public void Dispose()
    {
        if (_protector.IsValueCreated) _protector.Value.Dispose();
    }
}
