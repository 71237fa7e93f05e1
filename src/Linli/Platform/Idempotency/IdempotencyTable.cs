namespace Linli.Platform.Idempotency;

/// <summary>A module context that keeps idempotency records; <see cref="IdempotencyCleanup"/> sweeps each.</summary>
internal sealed record IdempotencyTable(Type ContextType);
