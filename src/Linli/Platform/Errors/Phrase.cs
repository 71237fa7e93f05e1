using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Errors;

/// <summary>
/// A text for the caller, said in their language when it is answered: <see cref="Key"/> is the Chinese text and the key
/// of Platform/Localization/SharedResource.en.resx, with {0}… filled from <see cref="Arguments"/>. An argument that is a
/// phrase itself (a state's or an action's name) is translated too. <see cref="ToString"/> is the Chinese text, for logs
/// and for code that reads an exception's message.
/// </summary>
internal sealed record Phrase(string Key, params object?[] Arguments)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public override string ToString() => Arguments.Length == 0
        ? Key
        : string.Format(Chinese, Key, [.. Arguments.Select(a => a is Phrase p ? p.ToString() : a)]);

    /// <summary>The text in the request's language.</summary>
    public string In(IStringLocalizer text) => Arguments.Length == 0
        ? text[Key]
        : text[Key, [.. Arguments.Select(a => a is Phrase p ? p.In(text) : a ?? "")]];
}
