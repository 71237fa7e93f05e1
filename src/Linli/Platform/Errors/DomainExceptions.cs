namespace Linli.Platform.Errors;

/// <summary>Input that breaks a rule; answered 400 with the offending fields.</summary>
internal sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors, string? title = null)
    : Exception(title ?? DefaultTitle)
{
    /// <summary>The title when none is given; answered in the caller's language.</summary>
    public const string DefaultTitle = "One or more fields are invalid.";

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A record that does not exist or lies outside the caller's scope (deliberately indistinguishable); answered 404.</summary>
internal sealed class NotFoundException(string message) : Exception(message);

/// <summary>
/// The action does not fit the record's current state; answered 409. <paramref name="details"/> become members of the
/// ProblemDetails (e.g. the record's current state), so a client can tell what it ran into.
/// </summary>
internal sealed class ConflictException(string message, IReadOnlyDictionary<string, object?>? details = null) : Exception(message)
{
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}

/// <summary>The caller may see the record but not do this to it; answered 403.</summary>
internal sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// The caller has used up a budget (e.g. searches by number); answered 429 with a Retry-After header. Pages show
/// <see cref="Format"/> through the localizer with <see cref="Arguments"/>.
/// </summary>
internal sealed class TooManyRequestsException(string format, object[] arguments, TimeSpan retryAfter)
    : Exception(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, arguments))
{
    public string Format { get; } = format;
    public object[] Arguments { get; } = arguments;
    public TimeSpan RetryAfter { get; } = retryAfter;
}
