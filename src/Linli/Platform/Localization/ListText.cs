using Microsoft.Extensions.Localization;

namespace Linli.Platform.Localization;

/// <summary>
/// Names shown in a row (tags, roles, districts, units) joined as the reader's language writes a list: the Chinese
/// enumeration comma 、 ("水务、电力"), a comma and a space in English ("water, power"; the resource key 、).
/// </summary>
internal static class ListText
{
    /// <summary>The separator's key (and its Chinese value) in the shared resources.</summary>
    public const string Separator = "、";

    public static string JoinList(this IStringLocalizer text, IEnumerable<string?> items) => string.Join(text[Separator].Value, items);
}
