using Linli.Modules.Residents.Contracts;
using Linli.Platform.Protection;

namespace Linli.Modules.Residents.Domain;

/// <summary>A personal number as stored: AES-GCM ciphertext, keyed lookup hash, masked text for display.</summary>
internal readonly record struct SealedNumber(byte[] Cipher, byte[] Hash, string Masked);

/// <summary>Seals ID and phone numbers the one way the module stores them.</summary>
internal static class PersonalNumbers
{
    public static SealedNumber SealIdNumber(this IPersonalDataProtector protector, string idNumber)
    {
        var id = IdNumber.Normalize(idNumber);
        return new SealedNumber(protector.Encrypt(id), protector.LookupHash(id), Masking.IdNumber(id));
    }

    public static SealedNumber? SealPhone(this IPersonalDataProtector protector, string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var p = PhoneNumber.Normalize(phone);
        return new SealedNumber(protector.Encrypt(p), protector.LookupHash(p), Masking.Phone(p));
    }

    public static byte[] IdNumberHash(this IPersonalDataProtector protector, string idNumber) => protector.LookupHash(IdNumber.Normalize(idNumber));

    public static byte[] PhoneHash(this IPersonalDataProtector protector, string phone) => protector.LookupHash(PhoneNumber.Normalize(phone));
}

/// <summary>Tags that follow from a birth date alone.</summary>
internal static class AgeTags
{
    public static IEnumerable<(PopulationTagKind Tag, DateOnly Start)> For(DateOnly birthDate, DateOnly today)
    {
        if (birthDate.AddYears(60) <= today) yield return (PopulationTagKind.Elderly60, birthDate.AddYears(60));
        if (birthDate.AddYears(80) <= today) yield return (PopulationTagKind.Elderly80, birthDate.AddYears(80));
    }

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (birthDate.AddYears(age) > day) age--;
        return age;
    }
}
