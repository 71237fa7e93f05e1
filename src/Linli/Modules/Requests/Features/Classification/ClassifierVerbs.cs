using Linli.Platform;
using Linli.Platform.Cli;

namespace Linli.Modules.Requests.Features.Classification;

/// <summary>train-classifier: retrains on every confirmed example; the new model is used only if it passes the quality gate.</summary>
internal sealed class TrainClassifierVerb : ICommandVerb
{
    public string Name => "train-classifier";
    public string Usage => "retrain the request classifier on the labelled file and confirmed tickets; used only if at least as good on the held-out split [--db ...]";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.PrepareAsync(cancellationToken);
        using var scope = services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ClassifierRegistry>().TrainAsync("train-classifier", cancellationToken);
        var m = outcome.Model;
        Console.WriteLine($"v{m.Version}: {m.TrainingExamples} training examples ({m.TicketExamples} from tickets), {m.HeldOutExamples} held out, {m.TrainingMilliseconds} ms");
        if (outcome.Current is { } current) Console.WriteLine($"model in use before: {current.Line}");
        Console.WriteLine(outcome.Activated ? "passed the quality gate: now in use" : "refused by the quality gate: the model in use stays");
        Console.WriteLine(outcome.Scores.Line);
        return 0;
    }
}

/// <summary>evaluate-classifier --file F.tsv: the model in use on messages it has never seen; the last line is "accuracy=… macroF1=…".</summary>
internal sealed class EvaluateClassifierVerb : ICommandVerb
{
    public string Name => "evaluate-classifier";
    public string Usage => "accuracy and macro-F1 of the classifier in use on a file (one message a line: first-level label, tab, text): evaluate-classifier --file F.tsv";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (verb.Text("file") is not { Length: > 0 } path || !File.Exists(path))
        {
            await Console.Error.WriteLineAsync("evaluate-classifier needs --file F.tsv (an existing file).");
            return 2;
        }
        var examples = LabelledFile.Parse(await File.ReadAllLinesAsync(path, cancellationToken));
        if (examples.Count == 0)
        {
            await Console.Error.WriteLineAsync("The file holds no line of the form label<TAB>text.");
            return 2;
        }
        await services.PrepareAsync(cancellationToken);
        using var scope = services.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ClassifierRegistry>();
        var scores = await registry.EvaluateAsync(examples, cancellationToken);
        var active = await registry.ActiveAsync(cancellationToken);
        Console.WriteLine($"model v{active.Row.Version} on {scores.Count} messages of {path}");
        foreach (var c in scores.Classes) Console.WriteLine(FormattableString.Invariant($"  {c.Label}\tn={c.Support}\tprecision={c.Precision:0.000}\trecall={c.Recall:0.000}"));
        Console.WriteLine(scores.Line);
        return 0;
    }
}
