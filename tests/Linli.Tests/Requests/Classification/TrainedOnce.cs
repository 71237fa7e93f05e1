using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Classification;

namespace Linli.Tests.Requests.Classification;

/// <summary>The shipped labelled file split once and the model trained once per test run (training is the slow part).</summary>
internal static class TrainedOnce
{
    public static readonly string Data = Path.Combine(AppContext.BaseDirectory, "data");

    private static readonly Lazy<(List<LabelledText> Train, List<LabelledText> HeldOut)> SplitLazy = new(() =>
    {
        Segmenter.AddWords(ShippedData.UserWords(Data, ShippedData.Tree(Data)));
        return HeldOutSplit.Split(ShippedData.Labelled(Data));
    });

    private static readonly Lazy<LinearTextModel> ModelLazy = new(() => LinearTextModel.Train(Split.Train));

    public static (List<LabelledText> Train, List<LabelledText> HeldOut) Split => SplitLazy.Value;

    public static LinearTextModel Model => ModelLazy.Value;

    public static CategoryTree Tree { get; } = ShippedData.Tree(Data);

    public static EverydayWords Words { get; } = ShippedData.Words(Data);

    public static ClassifierScores Score(LinearTextModel model, IEnumerable<LabelledText> examples) =>
        ClassifierScores.Of([.. examples.Select(e => (e.Label, model.Predict(e.Text)[0].Label))]);
}
