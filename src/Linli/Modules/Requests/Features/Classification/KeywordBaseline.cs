using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.SuggestCategory;

namespace Linli.Modules.Requests.Features.Classification;

/// <summary>
/// The rules the platform used before the model (<see cref="CategorySuggester"/>: keywords of the category names and
/// everyday words) read as a first-level classifier: the first-level class of the best suggestion among the classes
/// asked about. The baseline the model must beat, and the leaf picker within a class while the model has too little history.
/// </summary>
internal static class KeywordBaseline
{
    private const int Candidates = 40;

    /// <summary>The predicted first-level name, or "" when the rules suggest nothing (counted as wrong).</summary>
    public static string Level1(CategoryTree tree, EverydayWords words, string text, IReadOnlySet<string> labels)
    {
        foreach (var s in CategorySuggester.Suggest(tree, words, text, Candidates))
            if (tree.Find(s.Id) is { } leaf && tree.Ancestry(leaf).Last().Name is var level1 && labels.Contains(level1)) return level1;
        return "";
    }

    /// <summary>The best leaves by the keyword rules under one first-level class.</summary>
    public static IReadOnlyList<CategorySuggestion> LeavesUnder(CategoryTree tree, EverydayWords words, string text, int level1Id, int take) =>
        [.. CategorySuggester.Suggest(tree, words, text, Candidates).Where(s => tree.Find(s.Id) is { } leaf && tree.Ancestry(leaf).Last().Id == level1Id).Take(take)];
}
