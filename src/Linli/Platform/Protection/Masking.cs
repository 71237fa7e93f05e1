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
}
