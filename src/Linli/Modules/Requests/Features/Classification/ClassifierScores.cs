namespace Linli.Modules.Requests.Features.Classification;

/// <summary>Precision and recall of one class on an evaluation set.</summary>
internal sealed record ClassScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>
/// Accuracy, macro-F1 (the mean of the classes' F1, so a small class counts as much as a big one), per-class precision
/// and recall and the confusion matrix (rows = true class, columns = predicted) of predictions against labels.
/// </summary>
internal sealed record ClassifierScores(int Count, double Accuracy, double MacroF1, IReadOnlyList<ClassScore> Classes,
    IReadOnlyList<string> Labels, int[][] Confusion)
{
    public static ClassifierScores Of(IReadOnlyList<(string Truth, string Predicted)> pairs)
    {
        var labels = pairs.Select(p => p.Truth).Concat(pairs.Select(p => p.Predicted)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        foreach (var (t, p) in pairs) confusion[index[t]][index[p]]++;
        var classes = new List<ClassScore>();
        foreach (var (label, i) in labels.Select((l, i) => (l, i)))
        {
            var tp = confusion[i][i];
            var predicted = confusion.Sum(row => row[i]);
            var actual = confusion[i].Sum();
            if (actual == 0) continue; // a class only ever predicted, never true, has no recall to average
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = (double)tp / actual;
            classes.Add(new ClassScore(label, actual, precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        }
        var correct = pairs.Count(p => p.Truth == p.Predicted);
        return new ClassifierScores(pairs.Count, pairs.Count == 0 ? 0 : (double)correct / pairs.Count,
            classes.Count == 0 ? 0 : classes.Average(c => c.F1), classes, labels, confusion);
    }

    /// <summary>The verbs' and bench's last line.</summary>
    public string Line => FormattableString.Invariant($"accuracy={Accuracy:0.000} macroF1={MacroF1:0.000}");
}
