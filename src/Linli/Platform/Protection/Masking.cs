namespace Linli.Platform.Protection;

/// <summary>How personal numbers are shown to those who may not see them in full.</summary>
internal static class Masking
{
    /// <summary>2101**********1234: the region prefix and the last four stay readable.</summary>
    public static string IdNumber(string id) => id.Length <= 8 ? new string('*', id.Length) : id[..4] + new string('*', id.Length - 8) + id[^4..];

    /// <summary>138****5678.</summary>
    public static string Phone(string phone) => phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
