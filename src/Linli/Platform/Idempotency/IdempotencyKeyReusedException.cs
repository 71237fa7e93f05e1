namespace Linli.Platform.Idempotency;

/// <summary>
/// A key that already stands for a different submission of the same caller; answered 422, as the IETF draft says. The
/// first submission's answer is kept here for a form that wants to point the user to it.
/// </summary>
internal sealed class IdempotencyKeyReusedException(IdempotentAnswer earlier) : Exception(Explanation)
{
    /// <summary>What the caller is told (a key of the shared resources).</summary>
    public const string Explanation = "此 Idempotency-Key 已用于另一内容不同的请求；新的请求请使用新的键。";

    public IdempotentAnswer Earlier { get; } = earlier;
}
