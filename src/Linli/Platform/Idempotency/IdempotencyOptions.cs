namespace Linli.Platform.Idempotency;

internal sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How often expired answers are deleted.</summary>
    public int CleanupIntervalMinutes { get; set; } = 60;

    /// <summary>Rows deleted per statement, so that a long backlog never holds one long lock.</summary>
    public int CleanupBatchSize { get; set; } = 5000;
}
