using Linli.Platform.Protection;

namespace Linli.Platform.PersonalData;

/// <summary>A personal number as stored: AES-GCM ciphertext, keyed lookup hash, masked text for display.</summary>
internal readonly record struct SealedNumber(byte[] Cipher, byte[] Hash, string Masked);

/// <summary>Seals ID and phone numbers the one way every module stores them.</summary>
internal static class PersonalNumbers
{
    public static SealedNumber SealIdNumber(this IPersonalDataProtector protector, string idNumber)
    {
        var id = IdNumber.Normalize(idNumber);
        return new SealedNumber(protector.Encrypt(id), protector.LookupHash(id), Masking.IdNumber(id));
    }

    /// <summary>Encrypted and hashed in E.164, like every module's phone numbers.</summary>
    public static SealedNumber SealPhone(this IPersonalDataProtector protector, PhoneNumber phone) =>
        new(protector.Encrypt(phone.E164), protector.Hash(phone), phone.Masked);

    public static SealedNumber? SealPhone(this IPersonalDataProtector protector, PhoneNumber? phone) =>
        phone is { } p ? protector.SealPhone(p) : null;

    public static byte[] IdNumberHash(this IPersonalDataProtector protector, string idNumber) => protector.LookupHash(IdNumber.Normalize(idNumber));
}
