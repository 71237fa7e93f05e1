namespace Linli.Platform.Calendar;

/// <summary>That a module applied a revision to its deadlines; written in the module's own transaction, so it happens once.</summary>
internal sealed class CalendarRecomputation
{
    public long RevisionId { get; set; }
    public required string Handler { get; set; }
    public DateTime AppliedAt { get; set; }
    /// <summary>Open items whose deadlines moved.</summary>
    public int Items { get; set; }
}
