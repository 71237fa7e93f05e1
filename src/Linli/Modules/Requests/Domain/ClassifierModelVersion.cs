namespace Linli.Modules.Requests.Domain;

/// <summary>
/// One trained request classifier in the registry: its file under App_Data/models, when and on how much it was trained,
/// its held-out scores, the per-class thresholds for automatic dispatch, and whether it is the one in use (at most one is).
/// </summary>
internal sealed class ClassifierModelVersion
{
    public int Id { get; set; }
    public int Version { get; set; }
    public DateTime TrainedAt { get; set; }
    public string TrainedBy { get; set; } = "";
    /// <summary>The file name under the models folder (requests-classifier-v{Version}.bin).</summary>
    public string FileName { get; set; } = "";
    public int TrainingExamples { get; set; }
    /// <summary>How many of those were the platform's own confirmed or corrected tickets.</summary>
    public int TicketExamples { get; set; }
    public int HeldOutExamples { get; set; }
    public double Accuracy { get; set; }
    public double MacroF1 { get; set; }
    /// <summary>Per-class precision/recall, the confusion matrix and the thresholds, as JSON (read only by the admin page).</summary>
    public string ReportJson { get; set; } = "{}";
    public bool IsActive { get; set; }
    /// <summary>False when the quality gate refused it: kept for the record, never activated by retraining.</summary>
    public bool PassedGate { get; set; }
    public int TrainingMilliseconds { get; set; }
}

/// <summary>
/// A message with the category a person confirmed (the centre dispatching it unchanged) or corrected (a dispatcher's
/// change of category): the platform's own training data for the next model. One per ticket: a later change replaces it.
/// </summary>
internal sealed class ClassifierExample
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public string Text { get; set; } = "";
    public int CategoryId { get; set; }
    public string Level1 { get; set; } = "";
    public bool Corrected { get; set; }
    public DateTime At { get; set; }
}
