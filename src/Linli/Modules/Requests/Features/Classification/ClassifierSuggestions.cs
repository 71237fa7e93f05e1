using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Classification;

/// <summary>
/// One suggestion: the first-level class, the leaf category (by the leaf model when the class has enough history, else
/// by the keyword rules within the class), the unit its routing rule sends it to ("community" = the community where it
/// happened) and the model's confidence. <see cref="LeafBy"/> says which picked the leaf ("model" or "keywords").
/// </summary>
internal sealed record ClassSuggestion(string Level1, int CategoryId, string CategoryPath, string UnitCode, double Confidence, string LeafBy);

/// <summary>The suggestions for a text and whether the best one is sure enough to be set and dispatched automatically.</summary>
internal sealed record Classification(IReadOnlyList<ClassSuggestion> Suggestions, int ModelVersion, double Threshold, bool Automatic)
{
    public ClassSuggestion? Best => Suggestions.Count > 0 ? Suggestions[0] : null;
}

/// <summary>
/// The automatic-dispatch rule: the best suggestion is set and dispatched only when automatic dispatch is on and the
/// model's confidence reaches its class's threshold (chosen on the held-out split for the target precision); a class
/// without a threshold is never set automatically.
/// </summary>
internal static class AutoDispatchRule
{
    public static bool Applies(ClassSuggestion? best, IReadOnlyDictionary<string, double> thresholds, bool enabled) =>
        enabled && best is not null && thresholds.TryGetValue(best.Level1, out var t) && best.Confidence >= t;
}

/// <summary>Top suggestions of the model in use, each a live leaf with its unit.</summary>
internal sealed class ClassifierSuggestions(ClassifierRegistry registry, CategoryCatalog catalog, IOptions<RequestsOptions> options)
{
    public const int Take = 3;

    public async Task<Classification> ClassifyAsync(string text, CancellationToken ct)
    {
        var active = await registry.ActiveAsync(ct);
        var snapshot = await catalog.GetAsync(ct);
        var tree = snapshot.Tree;
        var roots = tree.All.Where(c => c.ParentId is null && !tree.IsRetired(c)).GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var leafModelClasses = active.Report.LeafModelClasses.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<ClassProbability>? leafProbabilities = null;
        var suggestions = new List<ClassSuggestion>();
        foreach (var level1 in active.Level1.Predict(text))
        {
            if (suggestions.Count == Take) break;
            if (!roots.TryGetValue(level1.Label, out var root)) continue;
            Category? leaf = null;
            var confidence = level1.Probability;
            var by = "keywords";
            if (active.Leaves is not null && leafModelClasses.Contains(level1.Label))
            {
                leafProbabilities ??= active.Leaves.Predict(text);
                var within = leafProbabilities.Where(p => int.TryParse(p.Label, out var id) && tree.Find(id) is { } c && !tree.IsRetired(c) && tree.Ancestry(c).Last().Id == root.Id).ToList();
                if (within.Count > 0)
                {
                    leaf = tree.Find(int.Parse(within[0].Label, System.Globalization.CultureInfo.InvariantCulture));
                    confidence *= within[0].Probability / within.Sum(p => p.Probability);
                    by = "model";
                }
            }
            leaf ??= KeywordBaseline.LeavesUnder(tree, catalog.Words, text, root.Id, 1) is [var best, ..] ? tree.Find(best.Id) : null;
            // Nothing in the words names a leaf of the class: its "其他" leaf (or the first live one) and the centre decides.
            leaf ??= tree.All.Where(c => c.IsLeaf && !tree.IsRetired(c) && tree.Ancestry(c).Last().Id == root.Id)
                .OrderBy(c => c.Name == "其他" ? 0 : 1).ThenBy(c => c.Id).FirstOrDefault();
            if (leaf is null || snapshot.CurrentRule(leaf.Id) is not { } rule) continue;
            suggestions.Add(new ClassSuggestion(level1.Label, leaf.Id, tree.PathOf(leaf), rule.DepartmentCode ?? "community", confidence, by));
        }
        var threshold = suggestions.Count > 0 && active.Report.Thresholds.TryGetValue(suggestions[0].Level1, out var t) ? t : 1.0;
        return new Classification(suggestions, active.Row.Version, threshold,
            AutoDispatchRule.Applies(suggestions.FirstOrDefault(), active.Report.Thresholds, options.Value.ClassifierAutoDispatch));
    }
}
