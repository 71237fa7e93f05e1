using System.IO.Compression;

namespace Linli.Modules.Requests.Features.Classification;

/// <summary>One labelled message: the class (a first-level category name, or a leaf id as text) and the message.</summary>
internal sealed record LabelledText(string Label, string Text);

/// <summary>A class with its probability, the likeliest first.</summary>
internal sealed record ClassProbability(string Label, double Probability);

/// <summary>
/// A multinomial logistic regression over TF-IDF weighted hashed features (<see cref="TextFeatures"/>), written by hand
/// rather than with ML.NET: on this corpus it trains 100,000 messages in seconds, classifies thousands a second on one
/// core, gives probabilities the thresholds can be chosen on, and is one small file with no native dependency
/// (bench/requests-classifier.sh measures all of it). Training is deterministic: the same examples and seed give the same file.
/// </summary>
internal sealed class LinearTextModel
{
    private const int Magic = 0x434C4E4C; // "LNLC"
    private const int FormatVersion = 1;
    private readonly float[] _idf;
    private readonly float[] _weights; // bucket-major: a bucket's weights for every class side by side
    private readonly float[] _bias;

    private LinearTextModel(string[] classes, bool words, float[] idf, float[] weights, float[] bias)
    {
        Classes = classes;
        UsesWords = words;
        _idf = idf;
        _weights = weights;
        _bias = bias;
    }

    public IReadOnlyList<string> Classes { get; }

    public bool UsesWords { get; }

    public sealed record Options(int Epochs = 10, double LearningRate = 0.5, int Seed = 12, bool Words = true);

    public static LinearTextModel Train(IReadOnlyList<LabelledText> examples, Options? options = null)
    {
        options ??= new Options();
        if (examples.Count == 0) throw new ArgumentException("No examples to train on.", nameof(examples));
        var classes = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        // Compact arrays per example at once (not the dictionaries): 100,000 messages fit in memory.
        var vectors = new (int[] Buckets, float[] Values)[examples.Count];
        Parallel.For(0, examples.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var counts = TextFeatures.Counts(examples[i].Text, options.Words);
            vectors[i] = ([.. counts.Keys], [.. counts.Values]);
        });
        var df = new int[TextFeatures.Dimensions];
        foreach (var (buckets, _) in vectors) foreach (var bucket in buckets) df[bucket]++;
        var idf = new float[TextFeatures.Dimensions];
        for (var b = 0; b < idf.Length; b++) idf[b] = (float)(Math.Log((examples.Count + 1.0) / (df[b] + 1.0)) + 1.0);
        foreach (var (buckets, values) in vectors) Weigh(buckets, values, idf);
        var labels = examples.Select(e => index[e.Label]).ToArray();

        var k = classes.Length;
        var weights = new float[TextFeatures.Dimensions * k];
        var squares = new float[TextFeatures.Dimensions * k];
        var bias = new float[k];
        var biasSquares = new float[k];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        var p = new double[k];
        var lr = (float)options.LearningRate;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (buckets, values) = vectors[i];
                Probabilities(buckets, values, weights, bias, k, p);
                for (var c = 0; c < k; c++)
                {
                    // AdaGrad on the log-loss gradient: rare n-grams keep a large step, frequent ones settle.
                    var g = (float)(p[c] - (labels[i] == c ? 1 : 0));
                    if (g == 0) continue;
                    biasSquares[c] += g * g;
                    bias[c] -= lr * g / MathF.Sqrt(biasSquares[c] + 1e-6f);
                    for (var j = 0; j < buckets.Length; j++)
                    {
                        var at = buckets[j] * k + c;
                        var gj = g * values[j];
                        squares[at] += gj * gj;
                        weights[at] -= lr * gj / MathF.Sqrt(squares[at] + 1e-6f);
                    }
                }
            }
        }
        return new LinearTextModel(classes, options.Words, idf, weights, bias);
    }

    /// <summary>Every class with its probability, the likeliest first.</summary>
    public IReadOnlyList<ClassProbability> Predict(string text)
    {
        var (buckets, values) = Vectorize(TextFeatures.Counts(text, UsesWords), _idf);
        var p = new double[Classes.Count];
        Probabilities(buckets, values, _weights, _bias, Classes.Count, p);
        return p.Select((q, c) => new ClassProbability(Classes[c], q)).OrderByDescending(x => x.Probability).ThenBy(x => x.Label, StringComparer.Ordinal).ToList();
    }

    private static void Probabilities(int[] buckets, float[] values, float[] weights, float[] bias, int k, double[] p)
    {
        for (var c = 0; c < k; c++) p[c] = bias[c];
        for (var j = 0; j < buckets.Length; j++)
        {
            var at = buckets[j] * k;
            for (var c = 0; c < k; c++) p[c] += weights[at + c] * values[j];
        }
        var max = p.Max();
        var sum = 0.0;
        for (var c = 0; c < k; c++) sum += p[c] = Math.Exp(p[c] - max);
        for (var c = 0; c < k; c++) p[c] /= sum;
    }

    /// <summary>Sub-linear TF × IDF, L2-normalised: a long message does not outvote a short one.</summary>
    private static (int[] Buckets, float[] Values) Vectorize(Dictionary<int, float> counts, float[] idf)
    {
        int[] buckets = [.. counts.Keys];
        float[] values = [.. counts.Values];
        Weigh(buckets, values, idf);
        return (buckets, values);
    }

    /// <summary>Term counts in place to weights.</summary>
    private static void Weigh(int[] buckets, float[] values, float[] idf)
    {
        var norm = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (1 + MathF.Log(values[i])) * idf[buckets[i]];
            norm += values[i] * values[i];
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var j = 0; j < values.Length; j++) values[j] *= scale;
    }

    public void Save(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        using var w = new BinaryWriter(zip);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(TextFeatures.Bits);
        w.Write(UsesWords);
        w.Write(Classes.Count);
        foreach (var c in Classes) w.Write(c);
        foreach (var v in _idf) w.Write(v);
        foreach (var v in _bias) w.Write(v);
        foreach (var v in _weights) w.Write(v);
    }

    public static LinearTextModel Load(Stream stream)
    {
        using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
        using var r = new BinaryReader(zip);
        int magic = r.ReadInt32(), format = r.ReadInt32(), bits = r.ReadInt32();
        if (magic != Magic || format != FormatVersion || bits != TextFeatures.Bits)
            throw new InvalidDataException("Not a classifier model of this version.");
        var words = r.ReadBoolean();
        var classes = new string[r.ReadInt32()];
        for (var i = 0; i < classes.Length; i++) classes[i] = r.ReadString();
        var idf = ReadFloats(r, TextFeatures.Dimensions);
        var bias = ReadFloats(r, classes.Length);
        var weights = ReadFloats(r, TextFeatures.Dimensions * classes.Length);
        return new LinearTextModel(classes, words, idf, weights, bias);
    }

    private static float[] ReadFloats(BinaryReader r, int count)
    {
        var bytes = r.ReadBytes(count * sizeof(float));
        if (bytes.Length != count * sizeof(float)) throw new InvalidDataException("The model file is cut short.");
        var values = new float[count];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return values;
    }
}
