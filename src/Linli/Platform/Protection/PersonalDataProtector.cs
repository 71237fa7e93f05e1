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

internal sealed class PersonalDataProtector : IPersonalDataProtector
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
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(_encryptionKey, TagSize));
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

    public string Decrypt(byte[] ciphertext)
    {
        var length = ciphertext.Length - NonceSize - TagSize;
        var plain = new byte[length];
        _aes.Value!.Decrypt(ciphertext.AsSpan(0, NonceSize), ciphertext.AsSpan(NonceSize, length), ciphertext.AsSpan(NonceSize + length, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    public byte[] LookupHash(string plaintext) => HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(plaintext.Trim().ToUpperInvariant()));
}

internal static class PersonalDataKey
{
    /// <summary>
    /// The key comes from configuration (PersonalData:Key, base64, 32 bytes). Without one, a key is created once in the
    /// data folder so an embedded install keeps working across restarts; production configures its own.
    /// </summary>
    public static byte[] Load(IConfiguration configuration, string dataFolder)
    {
        var configured = configuration["PersonalData:Key"];
        if (!string.IsNullOrWhiteSpace(configured)) return Convert.FromBase64String(configured);
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, "personal-data.key");
        if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
        var key = RandomNumberGenerator.GetBytes(32);
        File.WriteAllText(path, Convert.ToBase64String(key));
        return key;
    }
}
