namespace Linli.Modules.Requests.Features.PlaceRecognition;

/// <summary>
/// How residents shorten official region names: "浑河湾街道" → "浑河湾", "长白社区" → "长白", "大民屯镇" → "大民屯",
/// "沈河区" → "沈河". Names are cut only by their administrative suffix, and only when what remains is at least two
/// characters (a one-character stem, "于洪区" → not "于", would match everywhere).
/// </summary>
internal static class PlaceNames
{
    // Longest first, so that "社区居委会" is cut before "居委会" and "街道办事处" before "街道".
    private static readonly string[] Suffixes =
    [
        "街道办事处", "社区居委会", "社区居民委员会", "村民委员会", "居民委员会", "村委会", "居委会", "街道", "社区",
        "自治县", "管委会", "地区", "乡", "镇", "村", "区", "县", "市",
    ];

    public static string? ShortForm(string name)
    {
        foreach (var suffix in Suffixes.OrderByDescending(s => s.Length))
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
                return name[..^suffix.Length];
        return null;
    }

    /// <summary>Every everyday form: the stem, and for a village committee also "X村" (三台子村委会 → 三台子村, 三台子).</summary>
    public static IEnumerable<string> ShortForms(string name)
    {
        if (ShortForm(name) is not { } stem) yield break;
        if (name.EndsWith("村委会", StringComparison.Ordinal) || name.EndsWith("村民委员会", StringComparison.Ordinal)) yield return stem + "村";
        yield return stem;
    }
}
