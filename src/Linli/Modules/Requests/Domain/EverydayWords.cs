namespace Linli.Modules.Requests.Domain;

/// <summary>
/// The everyday words residents use for a problem (井盖, 停水, 暖气 …) and the shipped categories they most likely mean,
/// read from data/category-everyday-words.csv (see data/SOURCES.md): category names alone miss them ("路灯不亮" shares no
/// word with 城市公共设施). A word may name several categories, the likeliest first. A word without a category names a
/// place, not a topic (社区), and counts for no category name.
/// </summary>
internal sealed class EverydayWords
{
    public const string File = "category-everyday-words.csv";

    private EverydayWords(IReadOnlyList<(string Word, IReadOnlyList<string> CategoryKeys)> topics, IReadOnlySet<string> places)
    {
        Topics = topics;
        Places = places;
    }

    /// <summary>Each word with the "level1/level2/level3" keys of its categories, likeliest first.</summary>
    public IReadOnlyList<(string Word, IReadOnlyList<string> CategoryKeys)> Topics { get; }

    public IReadOnlySet<string> Places { get; }

    /// <summary>The CSV's lines ("word,category", a header first); blank lines and a missing category are allowed.</summary>
    public static EverydayWords Parse(IEnumerable<string> lines)
    {
        var topics = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var places = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var parts = line.Split(',');
            var word = parts[0].Trim();
            if (word.Length == 0) continue;
            var key = parts.Length > 1 ? parts[1].Trim() : "";
            if (key.Length == 0)
            {
                places.Add(word);
                continue;
            }
            if (!topics.TryGetValue(word, out var keys))
            {
                topics[word] = keys = [];
                order.Add(word);
            }
            if (!keys.Contains(key, StringComparer.Ordinal)) keys.Add(key);
        }
        return new EverydayWords([.. order.Select(w => (w, (IReadOnlyList<string>)topics[w]))], places);
    }
}
