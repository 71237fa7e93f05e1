namespace Linli.Platform.Idempotency;

/// <summary>
/// A key that already stands for a different submission of the same caller; answered 422, as the IETF draft says. The
/// first submission's answer is kept here for a form that wants to point the user to it.
/// </summary>
internal sealed class IdempotencyKeyReusedException(IdempotentAnswer earlier)
    : Exception("This Idempotency-Key was already used for a different request; use a new key for a new request.")
{
    public IdempotentAnswer Earlier { get; } = earlier;
}
