using System.Runtime.CompilerServices;
using JiebaNet.Segmenter;

namespace Linli.Modules.Requests.Features.Classification;

/// <summary>
/// Turns a message into hashed sparse features: character 1–3-grams of each run of letters and digits (robust to the
/// words a segmenter does not know) plus jieba words of two or more characters (the longer units a resident means,
/// 物业费 rather than 物/业/费). Hashing keeps the model a fixed size whatever the vocabulary; collisions at
/// <see cref="Dimensions"/> buckets cost nothing measurable on this corpus (bench/requests-classifier.sh).
/// </summary>
internal static class TextFeatures
{
    public const int Bits = 18;
    public const int Dimensions = 1 << Bits;

    /// <summary>Messages longer than this are cut: the title and opening say what the message is about.</summary>
    public const int MaxChars = 600;

    /// <summary>Term counts per bucket of one text.</summary>
    public static Dictionary<int, float> Counts(string text, bool words = true)
    {
        var counts = new Dictionary<int, float>();
        var span = text.AsSpan(0, Math.Min(text.Length, MaxChars));
        var run = new char[MaxChars];
        var n = 0;
        for (var i = 0; i <= span.Length; i++)
        {
            if (i < span.Length && char.IsLetterOrDigit(span[i]))
            {
                run[n++] = char.ToLowerInvariant(span[i]);
                continue;
            }
            AddGrams(run.AsSpan(0, n), counts);
            n = 0;
        }
        if (words)
            foreach (var word in Segmenter.Words(text.Length > MaxChars ? text[..MaxChars] : text))
                if (word.Length >= 2) Add(counts, Hash('w', word.AsSpan()));
        return counts;
    }

    private static void AddGrams(ReadOnlySpan<char> run, Dictionary<int, float> counts)
    {
        for (var i = 0; i < run.Length; i++)
        for (var len = 1; len <= 3 && i + len <= run.Length; len++)
            Add(counts, Hash((char)('0' + len), run.Slice(i, len)));
    }

    private static void Add(Dictionary<int, float> counts, int bucket) => counts[bucket] = counts.GetValueOrDefault(bucket) + 1;

    /// <summary>FNV-1a over a kind tag and the characters: stable across processes and runtimes (string.GetHashCode is not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(char kind, ReadOnlySpan<char> text)
    {
        var h = 2166136261u;
        h = (h ^ kind) * 16777619u;
        foreach (var c in text) h = (((h ^ (uint)(c & 0xFF)) * 16777619u) ^ (uint)(c >> 8)) * 16777619u;
        return (int)(h & (Dimensions - 1));
    }
}

/// <summary>
/// jieba.NET's segmenter with the platform's own words added (region names of the tree, category names, governance
/// terms: <see cref="ShippedData.UserWords"/>). The dictionary ships inside the package (copied to Resources/ by the project file),
/// so nothing is downloaded. jieba's dictionary is process-wide; words are added once, before the first cut.
/// </summary>
internal static class Segmenter
{
    private static readonly Lock Gate = new();
    private static JiebaSegmenter? _instance;
    private static readonly HashSet<string> Added = new(StringComparer.Ordinal);

    /// <summary>Adds words to the dictionary (idempotent); call before classifying for them to count.</summary>
    public static void AddWords(IEnumerable<string> words)
    {
        lock (Gate)
        {
            var segmenter = _instance ??= new JiebaSegmenter();
            foreach (var w in words)
                if (w.Length >= 2 && Added.Add(w)) segmenter.AddWord(w);
        }
    }

    public static IEnumerable<string> Words(string text)
    {
        var segmenter = _instance;
        if (segmenter is null)
        {
            lock (Gate) segmenter = _instance ??= new JiebaSegmenter();
        }
        return segmenter.Cut(text, cutAll: false, hmm: false);
    }
}
