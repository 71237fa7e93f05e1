using Linli.Platform.Protection;
using PhoneNumbers;

namespace Linli.Platform.PersonalData;

/// <summary>
/// A phone number in the one form it is stored and hashed in: E.164 (+8613912345678), read by libphonenumber as a
/// number dialled in China. Every module takes phone input through this type, so "139 1234 5678", "+86 139-1234-5678"
/// and "0086 13912345678" are one number with one lookup hash wherever they were typed.
/// </summary>
internal readonly record struct PhoneNumber
{
    public const string Region = "CN";
    public const int MaxInputLength = 32;
    private const int ChinaCallingCode = 86;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string e164, string display)
    {
        E164 = e164;
        Display = display;
    }

    /// <summary>+8613912345678, +862412345678: what is encrypted and hashed.</summary>
    public string E164 { get; }

    /// <summary>As people write it: the national number for a Chinese number (13912345678, 02412345678), E.164 otherwise.</summary>
    public string Display { get; }

    /// <summary>139****5678.</summary>
    public string Masked => Masking.Phone(Display);

    /// <summary>Masked, so that a number written into a log or an exception message by mistake stays hidden.</summary>
    public override string ToString() => Masked;

    /// <summary>Null when <paramref name="text"/> is a phone number; otherwise what is wrong with it (in Chinese).</summary>
    public static string? Problem(string? text) => Check(text, out _);

    public static bool TryParse(string? text, out PhoneNumber phone) => Check(text, out phone) is null;

    private static string? Check(string? text, out PhoneNumber phone)
    {
        phone = default;
        if (string.IsNullOrWhiteSpace(text)) return "请填写电话号码。";
        if (text.Length > MaxInputLength) return "电话号码过长。";
        // The commonest forms, 11 plain digits of a mobile or its stored E.164, read the same as through the library (see IsAcceptable), only faster.
        if (IsPlainMobile(text) || (text.StartsWith("+86", StringComparison.Ordinal) && IsPlainMobile(text[3..])))
        {
            var national = text.Length == 11 ? text : text[3..];
            phone = new PhoneNumber("+86" + national, national);
            return null;
        }
        // libphonenumber reads letters as keypad digits (400-FLOWERS); nobody here writes numbers that way.
        if (text.Any(char.IsLetter)) return "电话号码只能包含数字。";
        PhoneNumbers.PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(text, Region);
        }
        catch (NumberParseException)
        {
            return "电话号码格式不正确。";
        }
        if (parsed.HasExtension) return "请不要填写分机号。";
        if (!IsAcceptable(parsed)) return "电话号码应为 11 位手机号或带区号的固定电话。";
        var e164 = Util.Format(parsed, PhoneNumberFormat.E164);
        // A Chinese landline is written with its trunk 0 (024…, 010…), a mobile without (139…): the national format, digits only.
        var display = parsed.CountryCode != ChinaCallingCode ? e164 : new string(Util.Format(parsed, PhoneNumberFormat.NATIONAL).Where(char.IsAsciiDigit).ToArray());
        phone = new PhoneNumber(e164, display);
        return null;
    }

    /// <summary>
    /// A number the metadata knows as valid, or an 11-digit Chinese mobile (1[3-9]…) in a block the metadata does not
    /// know yet: new blocks are opened faster than libraries are updated, and a resident's real number must never be refused.
    /// </summary>
    private static bool IsAcceptable(PhoneNumbers.PhoneNumber parsed)
    {
        if (Util.IsValidNumber(parsed)) return true;
        if (parsed.CountryCode != ChinaCallingCode) return false;
        return IsPlainMobile(Util.GetNationalSignificantNumber(parsed));
    }

    private static bool IsPlainMobile(string text) =>
        text.Length == 11 && text[0] == '1' && text[1] is >= '3' and <= '9' && text.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;
}

/// <summary>The lookup hash of a phone number: always of its E.164 form, in every module.</summary>
internal static class PhoneNumberHashing
{
    public static byte[] Hash(this IPersonalDataProtector protector, PhoneNumber phone) => protector.LookupHash(phone.E164);
}
