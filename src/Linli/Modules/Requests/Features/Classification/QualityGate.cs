namespace Linli.Modules.Requests.Features.Classification;

/// <summary>
/// Whether a newly trained model may replace the one in use: both scored on the same held-out split, the new one must be
/// at least as good in macro-F1 and in accuracy; with no model in use it must still clear <see cref="Floor"/>, so a
/// model trained on noise (shuffled labels) is never used.
/// </summary>
internal static class QualityGate
{
    /// <summary>Well above chance for seven classes (0.14) and below any model trained on real labels (tests measure 0.85+).</summary>
    public const double Floor = 0.5;

    public static bool Accepts(ClassifierScores candidate, ClassifierScores? current) =>
        candidate.Accuracy >= Floor && (current is null || (candidate.MacroF1 >= current.MacroF1 && candidate.Accuracy >= current.Accuracy));
}

/// <summary>
/// Per-class confidence thresholds for automatic dispatch: for each class the lowest probability at which the model's
/// held-out predictions of that class were right at least <c>targetPrecision</c> of the time (with at least
/// <see cref="MinimumSupport"/> such predictions); a class that never reaches it gets no threshold and is never set
/// automatically.
/// </summary>
internal static class ConfidenceThresholds
{
    public const int MinimumSupport = 5;

    public static Dictionary<string, double> Choose(IReadOnlyList<(string Truth, ClassProbability Top)> heldOut, double targetPrecision)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var group in heldOut.GroupBy(x => x.Top.Label, StringComparer.Ordinal))
        {
            // Walk from the most confident down: the threshold is the lowest point where precision above it still holds.
            var sorted = group.OrderByDescending(x => x.Top.Probability).ToList();
            var right = 0;
            double? best = null;
            for (var i = 0; i < sorted.Count; i++)
            {
                if (sorted[i].Truth == group.Key) right++;
                if (i + 1 >= MinimumSupport && (double)right / (i + 1) >= targetPrecision) best = sorted[i].Top.Probability;
            }
            if (best is { } t) result[group.Key] = t;
        }
        return result;
    }
}
