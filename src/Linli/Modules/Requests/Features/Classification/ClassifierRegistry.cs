using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Persistence;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Classification;

/// <summary>What the admin page shows of a model beyond its row: per-class scores, the confusion matrix, the thresholds.</summary>
internal sealed record ClassifierReport(IReadOnlyList<ClassScore> Classes, IReadOnlyList<string> Labels, int[][] Confusion,
    IReadOnlyDictionary<string, double> Thresholds, IReadOnlyList<string> LeafModelClasses)
{
    public static ClassifierReport Read(string json) => JsonSerializer.Deserialize<ClassifierReport>(json)
                                                        ?? new ClassifierReport([], [], [], new Dictionary<string, double>(), []);
}

/// <summary>The model in use: its registry row, the first-level model, the leaf model (if any class has history) and its report.</summary>
internal sealed record ActiveClassifier(ClassifierModelVersion Row, LinearTextModel Level1, LinearTextModel? Leaves, ClassifierReport Report);

/// <summary>A retraining: the new row (kept whether or not it passed), its scores and those of the model it was compared with.</summary>
internal sealed record TrainingOutcome(ClassifierModelVersion Model, bool Activated, ClassifierScores Scores, ClassifierScores? Current);

/// <summary>The model in use in this instance, loaded once and re-read when the registry's active version changes.</summary>
internal sealed class ClassifierHolder : IDisposable
{
    public void Dispose() => Gate.Dispose();

    public SemaphoreSlim Gate { get; } = new(1, 1);
    public ActiveClassifier? Current { get; set; }
    public DateTime CheckedAt { get; set; }
}

/// <summary>
/// Trains, scores, stores and activates request classifiers. The examples are the labelled file of data/ plus the
/// platform's confirmed and corrected tickets (<see cref="ClassifierExample"/>); the fixed <see cref="HeldOutSplit"/>
/// keeps a fifth of them from every training, and a new model replaces the one in use only if it scores at least as
/// well on that fifth (<see cref="QualityGate"/>). Each model is a file under the data folder (requests/models) and a
/// row of the registry; rolling back is activating an earlier row.
/// </summary>
internal sealed class ClassifierRegistry(RequestsDbContext db, ClassifierHolder holder, CategoryCatalog catalog, IOptions<RequestsOptions> options,
    IOptions<DatabaseOptions> database, IHostEnvironment environment, IConfiguration configuration, TimeProvider clock, ILogger<ClassifierRegistry> logger)
{
    // Training is deterministic: the same examples give the same model, so a process (a test run, a restart of the
    // verbs) trains a given set once. Keyed by a hash of the examples; a few sets at most are kept.
    private static readonly ConcurrentDictionary<string, Lazy<(LinearTextModel Level1, LinearTextModel? Leaves, int Milliseconds)>> Trained = new();

    /// <summary>The leaf model, when there is one, lies next to the first-level model's file.</summary>
    public const string LeavesSuffix = ".leaves";

    public string ModelsFolder => Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "requests", "models");

    private string DataFolder => ReferenceData.Folder(configuration);

    /// <summary>The model in use; at the first start, the first model is trained from data/ (a few seconds).</summary>
    public async Task<ActiveClassifier> ActiveAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (holder.Current is { } current && now - holder.CheckedAt < catalog.Keep) return current;
        await holder.Gate.WaitAsync(ct);
        try
        {
            var row = await db.ClassifierModels.AsNoTracking().Where(m => m.IsActive).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
            if (row is null)
            {
                var outcome = await TrainLockedAsync("system", ct);
                row = outcome.Model;
                if (!outcome.Activated) throw new InvalidOperationException("The first classifier did not pass the quality gate.");
            }
            if (holder.Current?.Row.Id != row.Id) holder.Current = Load(row);
            holder.CheckedAt = now;
            return holder.Current;
        }
        finally
        {
            holder.Gate.Release();
        }
    }

    /// <summary>Retrains on every confirmed example; activates the new model only if it passes the gate.</summary>
    public async Task<TrainingOutcome> TrainAsync(string by, CancellationToken ct)
    {
        await holder.Gate.WaitAsync(ct);
        try
        {
            return await TrainLockedAsync(by, ct);
        }
        finally
        {
            holder.Gate.Release();
        }
    }

    /// <summary>Makes an earlier (or later) version the one in use: the rollback. False if there is no such version or it never passed the gate.</summary>
    public async Task<bool> ActivateAsync(int version, CancellationToken ct)
    {
        var rows = await db.ClassifierModels.ToListAsync(ct);
        if (rows.FirstOrDefault(r => r.Version == version) is not { PassedGate: true } chosen || !File.Exists(Path.Combine(ModelsFolder, chosen.FileName))) return false;
        foreach (var r in rows) r.IsActive = r == chosen;
        await db.SaveChangesAsync(ct);
        holder.Current = null;
        return true;
    }

    /// <summary>The model in use on other labelled messages (the evaluate verb).</summary>
    public async Task<ClassifierScores> EvaluateAsync(IReadOnlyList<LabelledText> examples, CancellationToken ct)
    {
        var active = await ActiveAsync(ct);
        return ClassifierScores.Of([.. examples.Select(e => (e.Label, active.Level1.Predict(e.Text)[0].Label))]);
    }

    private async Task<TrainingOutcome> TrainLockedAsync(string by, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        Segmenter.AddWords(ShippedData.UserWords(DataFolder, snapshot.Tree));
        var shipped = ShippedData.Labelled(DataFolder);
        var tickets = await db.ClassifierExamples.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Text, e.Level1, e.CategoryId }).ToListAsync(ct);
        var all = shipped.Concat(tickets.Select(t => new LabelledText(t.Level1, t.Text))).ToList();
        var (train, heldOut) = HeldOutSplit.Split(all);

        // The leaf model learns only from tickets (the labelled file has no leaves), for classes with enough history.
        var leafHistory = tickets.Where(t => !HeldOutSplit.IsHeldOut(t.Text)).GroupBy(t => t.Level1)
            .Where(g => g.Count() >= options.Value.ClassifierLeafHistory && g.Select(t => t.CategoryId).Distinct().Count() > 1).ToList();
        var leafExamples = leafHistory.SelectMany(g => g).Select(t => new LabelledText(t.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Text)).ToList();

        var key = KeyOf(train, leafExamples);
        var trained = Trained.GetOrAdd(key, _ => new(() =>
        {
            var watch = Stopwatch.StartNew();
            var level1 = LinearTextModel.Train(train);
            var leaves = leafExamples.Count > 0 ? LinearTextModel.Train(leafExamples) : null;
            return (level1, leaves, (int)watch.ElapsedMilliseconds);
        })).Value;
        if (Trained.Count > 4) foreach (var k in Trained.Keys.Where(k => k != key).Take(Trained.Count - 4)) Trained.TryRemove(k, out _);

        var predictions = heldOut.Select(e => (e.Label, Top: trained.Level1.Predict(e.Text)[0])).ToList();
        var scores = ClassifierScores.Of([.. predictions.Select(p => (p.Label, p.Top.Label))]);
        var current = await db.ClassifierModels.Where(m => m.IsActive).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        ClassifierScores? currentScores = null;
        if (current is not null && TryLoad(current) is { } currentModel)
            currentScores = ClassifierScores.Of([.. heldOut.Select(e => (e.Label, currentModel.Level1.Predict(e.Text)[0].Label))]);
        var accepted = QualityGate.Accepts(scores, currentScores);

        var version = (await db.ClassifierModels.MaxAsync(m => (int?)m.Version, ct) ?? 0) + 1;
        var report = new ClassifierReport(scores.Classes, scores.Labels, scores.Confusion,
            ConfidenceThresholds.Choose(predictions, options.Value.ClassifierTargetPrecision), [.. leafHistory.Select(g => g.Key)]);
        var row = new ClassifierModelVersion
        {
            Version = version, TrainedAt = clock.GetUtcNow().UtcDateTime, TrainedBy = by, FileName = $"requests-classifier-v{version}.bin",
            TrainingExamples = train.Count, TicketExamples = tickets.Count(t => !HeldOutSplit.IsHeldOut(t.Text)), HeldOutExamples = heldOut.Count,
            Accuracy = scores.Accuracy, MacroF1 = scores.MacroF1, ReportJson = JsonSerializer.Serialize(report),
            PassedGate = accepted, IsActive = accepted, TrainingMilliseconds = trained.Milliseconds,
        };
        Directory.CreateDirectory(ModelsFolder);
        await using (var file = File.Create(Path.Combine(ModelsFolder, row.FileName))) trained.Level1.Save(file);
        if (trained.Leaves is not null)
        {
            await using var leavesFile = File.Create(Path.Combine(ModelsFolder, row.FileName + LeavesSuffix));
            trained.Leaves.Save(leavesFile);
        }
        if (accepted && current is not null) current.IsActive = false;
        db.ClassifierModels.Add(row);
        await db.SaveChangesAsync(ct);
        if (accepted) holder.Current = new ActiveClassifier(row, trained.Level1, trained.Leaves, report);
        logger.LogInformation("Classifier v{Version} trained on {Examples} examples: {Scores}; {Decision}", version, train.Count, scores.Line,
            accepted ? "in use" : "refused by the quality gate");
        return new TrainingOutcome(row, accepted, scores, currentScores);
    }

    private ActiveClassifier Load(ClassifierModelVersion row) =>
        TryLoad(row) ?? throw new InvalidOperationException($"The classifier file {row.FileName} is missing or unreadable.");

    private ActiveClassifier? TryLoad(ClassifierModelVersion row)
    {
        if (holder.Current is { } current && current.Row.Id == row.Id) return current;
        var path = Path.Combine(ModelsFolder, row.FileName);
        if (!File.Exists(path)) return null;
        LinearTextModel level1;
        using (var file = File.OpenRead(path)) level1 = LinearTextModel.Load(file);
        LinearTextModel? leaves = null;
        if (File.Exists(path + LeavesSuffix))
        {
            using var leavesFile = File.OpenRead(path + LeavesSuffix);
            leaves = LinearTextModel.Load(leavesFile);
        }
        return new ActiveClassifier(row, level1, leaves, ClassifierReport.Read(row.ReportJson));
    }

    private static string KeyOf(IEnumerable<LabelledText> train, IEnumerable<LabelledText> leaves)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in train.Concat(new[] { new LabelledText("|", "|") }).Concat(leaves))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(e.Label));
            hash.AppendData("\t"u8);
            hash.AppendData(Encoding.UTF8.GetBytes(e.Text));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
