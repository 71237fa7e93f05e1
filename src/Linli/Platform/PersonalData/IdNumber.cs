namespace Linli.Platform.PersonalData;

/// <summary>What an 18-digit citizen ID number (GB 11643-1999) says about its holder.</summary>
internal readonly record struct IdNumberInfo(string Value, string AreaCode, DateOnly BirthDate, int Sequence)
{
    /// <summary>An odd sequence is a man's (each module maps it to its own gender type).</summary>
    public bool IsMale => Sequence % 2 == 1;
}

/// <summary>
/// GB 11643-1999 citizen ID numbers: 6-digit area code, 8-digit birth date (yyyyMMdd), 3-digit sequence (odd for men),
/// and a check character over the first 17 digits (ISO 7064 MOD 11-2: 0–9 or X). In Platform because every module that
/// takes a person's number (residents, service-desk applicants) checks it the same way.
/// </summary>
internal static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly Earliest = new(1900, 1, 1);

    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>The check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Builds a valid number from its parts (used by the synthetic city).</summary>
    public static string Compose(string areaCode, DateOnly birthDate, int sequence)
    {
        Span<char> chars = stackalloc char[18];
        areaCode.AsSpan(0, 6).CopyTo(chars);
        birthDate.TryFormat(chars[6..14], out _, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        sequence.TryFormat(chars[14..17], out _, "D3", System.Globalization.CultureInfo.InvariantCulture);
        chars[17] = CheckCharacter(chars);
        return new string(chars);
    }

    /// <summary>Null when <paramref name="value"/> is a valid ID number (as of <paramref name="today"/>); otherwise what is wrong with it.</summary>
    public static string? Problem(string? value, DateOnly today) => Check(value, today, out _);

    public static bool TryParse(string? value, DateOnly today, out IdNumberInfo info) => Check(value, today, out info) is null;

    private static string? Check(string? value, DateOnly today, out IdNumberInfo info)
    {
        info = default;
        if (string.IsNullOrWhiteSpace(value)) return "请填写身份证号。";
        var id = Normalize(value);
        if (id.Length != 18) return "身份证号应为 18 位。";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(id[i])) return "身份证号前 17 位应为数字。";
        if (!char.IsAsciiDigit(id[17]) && id[17] != 'X') return "身份证号最后一位应为数字或 X。";
        if (!DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var birth))
            return "身份证号中的出生日期不是真实日期。";
        if (birth < Earliest || birth > today) return "身份证号中的出生日期不在合理范围内。";
        if (CheckCharacter(id) != id[17]) return "身份证号校验位错误。";
        info = new IdNumberInfo(id, id[..6], birth, int.Parse(id.AsSpan(14, 3), System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }
}
