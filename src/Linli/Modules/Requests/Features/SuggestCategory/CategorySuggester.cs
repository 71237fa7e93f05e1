using Linli.Modules.Requests.Domain;

namespace Linli.Modules.Requests.Features.SuggestCategory;

internal sealed record CategorySuggestion(int Id, string Path, double Score);

/// <summary>
/// Suggests leaf categories for a description by keyword rules on the category names: a leaf scores for each
/// two-character word of its own name found in the text (weight 3), of its second-level name (2) and of its first-level
/// name (1), plus twice the weight when the whole name appears, plus a little for single shared characters; and for each
/// everyday word of <see cref="EverydayWords"/> in the text, its categories score more than any name match (the likeliest
/// most), while its place words ("社区") count for no name. "其他" and retired categories are never suggested. The resident
/// confirms one; nothing is filed under a guess.
/// </summary>
internal static class CategorySuggester
{
    private static readonly HashSet<char> Ignored = [.. "的了和与及或其他类等在是有我们你他她它这那个不也就都把被给对从向为以之于上下中内外"];

    /// <summary>An everyday word's first category; its next ones one point less each.</summary>
    public const double EverydayWordWeight = 12;

    public static IReadOnlyList<CategorySuggestion> Suggest(CategoryTree tree, EverydayWords words, string text, int take)
    {
        var clean = Letters(text);
        if (clean.Length == 0) return [];
        var textWords = Bigrams(clean);
        foreach (var place in words.Places.Where(p => clean.Contains(p, StringComparison.Ordinal))) textWords.ExceptWith(Bigrams(place));
        var byWords = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (word, keys) in words.Topics.Where(t => clean.Contains(t.Word, StringComparison.Ordinal)))
            for (var rank = 0; rank < keys.Count; rank++)
                byWords[keys[rank]] = byWords.GetValueOrDefault(keys[rank]) + EverydayWordWeight - rank;
        var textChars = clean.Where(c => !Ignored.Contains(c)).ToHashSet();
        var results = new List<CategorySuggestion>();
        foreach (var leaf in tree.All.Where(c => c.IsLeaf && !tree.IsRetired(c) && c.Name != "其他"))
        {
            // Seeded categories by their seed key, so that a renamed one keeps its words; added ones by their path.
            var score = byWords.Count == 0 ? 0 : byWords.GetValueOrDefault(leaf.SeedKey ?? KeyOf(tree, leaf));
            var weight = 3;
            foreach (var node in tree.Ancestry(leaf))
            {
                var name = Letters(node.Name);
                if (name.Length >= 2 && clean.Contains(name, StringComparison.Ordinal)) score += 2 * weight;
                score += weight * Bigrams(name).Count(textWords.Contains);
                if (node == leaf) score += 0.25 * name.Distinct().Count(c => !Ignored.Contains(c) && textChars.Contains(c));
                weight = Math.Max(1, weight - 1);
            }
            if (score >= 1) results.Add(new CategorySuggestion(leaf.Id, tree.PathOf(leaf), score));
        }
        return results.OrderByDescending(r => r.Score).ThenBy(r => r.Path, StringComparer.Ordinal).Take(take).ToList();
    }

    private static string KeyOf(CategoryTree tree, Category leaf) => string.Join('/', tree.Ancestry(leaf).Reverse().Select(c => c.Name));

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static HashSet<string> Bigrams(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (Ignored.Contains(text[i]) && Ignored.Contains(text[i + 1])) continue;
            set.Add(text.Substring(i, 2));
        }
        return set;
    }
}
