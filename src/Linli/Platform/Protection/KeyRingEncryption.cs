using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Linli.Platform.Protection;

/// <summary>
/// Encrypts the Data Protection key ring's secrets (the keys behind sign-in cookies, bearer tokens and antiforgery) with
/// AES-256-GCM under a key derived from the personal-data key, so the ring in the database is useless without it.
/// </summary>
internal sealed class KeyRingXmlEncryptor(PersonalDataKeySource keys) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(KeyRingSeal.Seal(keys.Key, plaintextElement), typeof(KeyRingXmlDecryptor));
}

/// <summary>Reads what <see cref="KeyRingXmlEncryptor"/> wrote. Data Protection creates it by type name, with the service provider.</summary>
internal sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingSeal.TryOpen(services.GetRequiredService<PersonalDataKeySource>().Key, encryptedElement, out var plain)
            ? plain
            : throw new CryptographicException("The Data Protection key ring was encrypted with another personal-data key.");
}

/// <summary>The sealed form of one key-ring secret: &lt;encryptedKey&gt;&lt;value&gt;base64(nonce | ciphertext | tag)&lt;/value&gt;&lt;/encryptedKey&gt;.</summary>
internal static class KeyRingSeal
{
    public const string ElementName = "linliEncryptedKey";
    private const int NonceSize = 12, TagSize = 16;
    private static readonly byte[] Context = "linli:dataprotection:keyring"u8.ToArray();

    public static XElement Seal(byte[] masterKey, XElement plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext.ToString(SaveOptions.DisableFormatting));
        var output = new byte[NonceSize + plain.Length + TagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        using var aes = new AesGcm(Derive(masterKey), TagSize);
        aes.Encrypt(output.AsSpan(0, NonceSize), plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length, TagSize), Context);
        return new XElement(ElementName,
            new XComment(" AES-256-GCM under a key derived from PersonalData:Key "),
            new XAttribute("key", PersonalDataProtector.Name(PersonalDataProtector.CheckValue(masterKey))),
            new XElement("value", Convert.ToBase64String(output)));
    }

    public static bool TryOpen(byte[] masterKey, XElement sealedElement, out XElement plaintext)
    {
        plaintext = null!;
        if (sealedElement.Name.LocalName != ElementName || sealedElement.Element("value")?.Value is not { } value) return false;
        var sealedBytes = Convert.FromBase64String(value);
        var length = sealedBytes.Length - NonceSize - TagSize;
        if (length < 0) return false;
        var plain = new byte[length];
        using var aes = new AesGcm(Derive(masterKey), TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length, TagSize), plain, Context);
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
        plaintext = XElement.Parse(Encoding.UTF8.GetString(plain));
        return true;
    }

    private static byte[] Derive(byte[] masterKey) => HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Context);
}
