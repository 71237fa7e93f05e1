using System.Security.Cryptography;

namespace Linli.Modules.Accounts.Domain;

/// <summary>
/// A password an administrator hands over once (read aloud or written down), to be replaced at the next sign-in: 12
/// characters from an alphabet without look-alikes (no 0/O, 1/l/I), always with an upper-case letter, a lower-case letter
/// and a digit, so that it meets the password rules.
/// </summary>
internal static class OneTimePassword
{
    public const int Length = 12;
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string All = Upper + Lower + Digits;

    public static string Generate()
    {
        var chars = new char[Length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        for (var i = 3; i < Length; i++) chars[i] = Pick(All);
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
