using Linli.Modules.Residents.Contracts;
using Linli.Platform.PersonalData;
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

    /// <summary>Encrypted and hashed in E.164, like every module's phone numbers.</summary>
    public static SealedNumber SealPhone(this IPersonalDataProtector protector, PhoneNumber phone) =>
        new(protector.Encrypt(phone.E164), protector.Hash(phone), phone.Masked);

    public static SealedNumber? SealPhone(this IPersonalDataProtector protector, PhoneNumber? phone) =>
        phone is { } p ? protector.SealPhone(p) : null;

    public static byte[] IdNumberHash(this IPersonalDataProtector protector, string idNumber) => protector.LookupHash(IdNumber.Normalize(idNumber));
}

/// <summary>
/// Tags that follow from the birth year alone. Like population statistics, "60岁以上" counts the age a person reaches in
/// the calendar year: the tag starts on 1 January of the year they turn 60 (80 for "80岁以上"). The birth day is not
/// needed, and no tag date gives it away.
/// </summary>
internal static class AgeTags
{
    public static IEnumerable<(PopulationTagKind Tag, DateOnly Start)> For(int birthYear, DateOnly today)
    {
        if (birthYear + 60 <= today.Year) yield return (PopulationTagKind.Elderly60, new DateOnly(birthYear + 60, 1, 1));
        if (birthYear + 80 <= today.Year) yield return (PopulationTagKind.Elderly80, new DateOnly(birthYear + 80, 1, 1));
    }

    /// <summary>The age reached in the year of <paramref name="day"/> (今年满 N 岁): what is shown, and what the age tags count.</summary>
    public static int AgeThisYear(int birthYear, DateOnly day) => day.Year - birthYear;

    /// <summary>The exact age, for the checks made while the full ID number is at hand (creation and import).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (birthDate.AddYears(age) > day) age--;
        return age;
    }
}
