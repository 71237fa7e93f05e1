namespace Linli.Platform.Idempotency;

/// <summary>
/// The first answer to a submission made under an idempotency key, kept for <see cref="Lifetime"/>
/// so that a retry gets that answer instead of a second submission. Each module that takes submissions keeps these rows in
/// its own schema, beside the rows a submission creates, so both commit in one transaction.
/// </summary>
internal sealed class IdempotencyRecord
{
    /// <summary>How long an answer is given again; after that the key is forgotten and the cleanup deletes the row.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public long Id { get; set; }
    /// <summary>Whose key it is: "user:{id}" or "open311:{client id}"; keys of different callers never meet.</summary>
    public required string Caller { get; set; }
    public required string Key { get; set; }
    /// <summary>SHA-256 (hex) of what was submitted: the same key with a different request is refused.</summary>
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Body { get; set; }
    public string? Location { get; set; }
    public DateTime CreatedAt { get; set; }
}
