namespace Linli.Modules.Requests.Features.Classification;

/// <summary>
/// The fixed split of labelled messages: a message is held out by a hash of its own text (one in five), so the held-out
/// part is the same in every run, on every machine, whatever order or other examples come with it; no training ever
/// sees it, and the quality gate compares models only on it.
/// </summary>
internal static class HeldOutSplit
{
    public const int Parts = 5;

    public static bool IsHeldOut(string text) => Fold(text) == 0;

    /// <summary>0..Parts-1 by FNV-1a of the text (stable across processes; string.GetHashCode is not).</summary>
    public static int Fold(string text)
    {
        var h = 2166136261u;
        foreach (var c in text) h = (h ^ c) * 16777619u;
        return (int)(h % Parts);
    }

    public static (List<LabelledText> Train, List<LabelledText> HeldOut) Split(IEnumerable<LabelledText> examples)
    {
        var train = new List<LabelledText>();
        var held = new List<LabelledText>();
        foreach (var e in examples) (IsHeldOut(e.Text) ? held : train).Add(e);
        return (train, held);
    }
}

/// <summary>The labelled file's format: one message a line, the first-level label, a tab, the text.</summary>
internal static class LabelledFile
{
    public const string File = "citizen-messages-labelled.tsv";

    public static List<LabelledText> Parse(IEnumerable<string> lines) =>
        [.. lines.Select(l => l.Split('\t', 2)).Where(p => p.Length == 2 && p[0].Trim().Length > 0 && p[1].Trim().Length > 0)
            .Select(p => new LabelledText(p[0].Trim(), p[1].Trim()))];
}
