using System.Diagnostics;
using System.Globalization;
using System.Text;
using Linli.Modules.Requests.Features.Classification;

namespace Linli.Bench;

/// <summary>
/// The request classifier, DB-free, in one run: 5-fold cross-validation (the folds of <see cref="HeldOutSplit"/>) of the
/// model and of the keyword rules on data/citizen-messages-labelled.tsv, both feature sets (characters + jieba words, and
/// characters only), the fixed held-out fifth, messages per second on one thread, and training on 100,000 examples
/// (the labelled messages replicated with small random edits, so no two are the same).
/// </summary>
internal static class ClassifierBench
{
    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var size = args.Length > 0 ? int.Parse(args[0], inv) : 100_000;
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var tree = ShippedData.Tree(data);
        var words = ShippedData.Words(data);
        var watch = Stopwatch.StartNew();
        Segmenter.AddWords(ShippedData.UserWords(data, tree));
        var all = ShippedData.Labelled(data);
        Say($"# Request classifier, {DateTime.UtcNow:yyyy-MM-ddTHH:mm}Z, {Environment.ProcessorCount} cores, {all.Count} labelled messages (jieba dictionary loaded in {watch.ElapsedMilliseconds} ms)");
        var labels = all.Select(e => e.Label).ToHashSet();

        var keywordPairs = all.Select(e => (e.Label, KeywordBaseline.Level1(tree, words, e.Text, labels))).ToList();
        Say($"keyword rules, all messages (no training): {ClassifierScores.Of(keywordPairs).Line}");
        foreach (var (name, useWords) in new[] { ("characters 1-3 + jieba words", true), ("characters 1-3 only", false) })
        {
            var pairs = new List<(string, string)>();
            var keywordFolds = new List<(string, string)>();
            double foldAccuracySum = 0;
            for (var fold = 0; fold < HeldOutSplit.Parts; fold++)
            {
                var train = all.Where(e => HeldOutSplit.Fold(e.Text) != fold).ToList();
                var test = all.Where(e => HeldOutSplit.Fold(e.Text) == fold).ToList();
                var model = LinearTextModel.Train(train, new LinearTextModel.Options(Words: useWords));
                var foldPairs = test.Select(e => (e.Label, model.Predict(e.Text)[0].Label)).ToList();
                pairs.AddRange(foldPairs);
                keywordFolds.AddRange(test.Select(e => (e.Label, KeywordBaseline.Level1(tree, words, e.Text, labels))));
                var scores = ClassifierScores.Of(foldPairs);
                foldAccuracySum += scores.Accuracy;
                if (fold == 0) Say($"model ({name}), fixed held-out fold 0 ({test.Count} messages): {scores.Line}; keyword rules on it: {ClassifierScores.Of(keywordFolds).Line}");
            }
            var cv = ClassifierScores.Of(pairs);
            Say($"model ({name}), 5-fold CV: {cv.Line} (mean fold accuracy {foldAccuracySum / HeldOutSplit.Parts:0.000}); keyword rules, same folds: {ClassifierScores.Of(keywordFolds).Line}");
            foreach (var c in cv.Classes) Say(string.Format(inv, "  {0}\tn={1}\tprecision={2:0.000}\trecall={3:0.000}", c.Label, c.Support, c.Precision, c.Recall));

            var full = LinearTextModel.Train(all, new LinearTextModel.Options(Words: useWords));
            var n = 0;
            var t = Stopwatch.StartNew();
            while (t.Elapsed < TimeSpan.FromSeconds(5))
                foreach (var e in all)
                {
                    full.Predict(e.Text);
                    n++;
                }
            Say($"model ({name}): {n / t.Elapsed.TotalSeconds:N0} messages/second on one thread (full messages, median about 230 characters, cut at {TextFeatures.MaxChars})");
        }

        var random = new Random(5);
        var big = new List<LabelledText>(size);
        while (big.Count < size)
            foreach (var e in all)
            {
                if (big.Count == size) break;
                // Drop about one character in ten: a near-copy, as a resident retelling the same problem.
                var chars = e.Text.Where(_ => random.Next(10) != 0).ToArray();
                big.Add(e with { Text = new string(chars) });
            }
        foreach (var useWords in new[] { true, false })
        {
            var t = Stopwatch.StartNew();
            var model = LinearTextModel.Train(big, new LinearTextModel.Options(Words: useWords));
            Say($"training on {big.Count:N0} examples ({(useWords ? "with" : "without")} jieba words, 2 threads for features, 10 epochs): {t.Elapsed.TotalSeconds:0.0} s; classes {model.Classes.Count}");
        }
        Directory.CreateDirectory("bench/results");
        var file = $"bench/results/requests-classifier-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md";
        File.WriteAllText(file, report.ToString());
        Console.WriteLine($"report: {file}");
        return 0;
    }
}
