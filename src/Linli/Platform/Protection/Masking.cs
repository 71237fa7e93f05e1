namespace Linli.Platform.Protection;

/// <summary>How personal numbers are shown to those who may not see them in full.</summary>
internal static class Masking
{
    /// <summary>
    /// 2101**************: only the province and city of the registering office stay readable. The birth date, the
    /// sequence and the check character are all hidden, so that the mask with the birth year, gender and community shown
    /// beside it still leaves some 180,000 candidates (the last four would narrow them to about 30).
    /// </summary>
    public static string IdNumber(string id) => id.Length <= 4 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 4);

    /// <summary>138****5678.</summary>
    public static string Phone(string phone) => phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];

    /// <summary>张**: the first character of a name (the surname, mostly), the rest hidden; for pages anyone may open with a number.</summary>
    public static string Name(string name)
    {
        var text = name.Trim();
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        if (!chars.MoveNext()) return "";
        var first = chars.GetTextElement();
        var rest = 0;
        while (chars.MoveNext()) rest++;
        return first + new string('*', Math.Max(1, rest));
    }
}
