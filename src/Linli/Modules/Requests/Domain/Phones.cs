namespace Linli.Modules.Requests.Domain;

/// <summary>
/// The one form a reporter's phone is hashed in. Intake and the hotline's caller lookup must agree to the character,
/// or a caller's earlier tickets silently stop being found.
/// </summary>
internal static class Phones
{
    public static string? Normalize(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(ch => char.IsAsciiDigit(ch) || ch == '+').ToArray());
        return digits.Length == 0 ? null : digits;
    }
}
