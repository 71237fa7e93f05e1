namespace Linli.Platform.InputHygiene;

/// <summary>
/// The characters no text input may carry. C0 control characters have no place in what people type (NUL, U+0000, is
/// refused by PostgreSQL's text type and by XML); tab, CR and LF are kept where free text may hold them. An unpaired
/// surrogate cannot be stored as UTF-8.
/// </summary>
internal static class ForbiddenCharacters
{
    /// <summary>The position of the first forbidden character, or -1.</summary>
    /// <param name="freeText">Whether tab, CR and LF are allowed (free text such as a description); never in identifiers or paths.</param>
    public static int IndexOf(ReadOnlySpan<char> text, bool freeText)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (freeText && c is '\t' or '\r' or '\n') continue;
                return i;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    public static bool AreIn(ReadOnlySpan<char> text, bool freeText) => IndexOf(text, freeText) >= 0;
}
