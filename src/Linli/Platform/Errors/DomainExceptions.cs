using Microsoft.Extensions.Localization;

namespace Linli.Platform.Errors;

/// <summary>
/// Input that breaks a rule; answered 400 with the offending fields. Each message is a <see cref="Phrase"/>, answered in
/// the caller's language (<see cref="Localized"/>); <see cref="Errors"/> holds them in Chinese.
/// </summary>
internal sealed class ValidationFailedException(IReadOnlyDictionary<string, Phrase[]> errors, string? title = null)
    : Exception(title ?? DefaultTitle)
{
    /// <summary>The title when none is given; answered in the caller's language.</summary>
    public const string DefaultTitle = "有字段填写不正确。";

    /// <summary>Messages that are resource keys already (or text without an entry, answered as it is).</summary>
    public ValidationFailedException(IReadOnlyDictionary<string, string[]> errors, string? title = null)
        : this(errors.ToDictionary(e => e.Key, e => e.Value.Select(m => new Phrase(m)).ToArray()), title)
    {
    }

    public IReadOnlyDictionary<string, Phrase[]> Phrases { get; } = errors;

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors.ToDictionary(e => e.Key, e => e.Value.Select(p => p.ToString()).ToArray());

    /// <summary>The messages in the request's language, by field.</summary>
    public Dictionary<string, string[]> Localized(IStringLocalizer text) =>
        Phrases.ToDictionary(e => e.Key, e => e.Value.Select(p => p.In(text)).ToArray());

    /// <summary>Every message in the request's language as one line, for a page that shows them above its form.</summary>
    public string Sentence(IStringLocalizer text) => string.Join(" ", Phrases.Values.SelectMany(v => v).Select(p => p.In(text)));

    public static ValidationFailedException For(string field, string message, params object?[] arguments) =>
        new(new Dictionary<string, Phrase[]> { [field] = [new Phrase(message, arguments)] });
}

/// <summary>An exception whose message is said to the caller, in their language, by the exception handler.</summary>
internal abstract class CallerFacingException(Phrase phrase) : Exception(phrase.ToString())
{
    public Phrase Phrase { get; } = phrase;
}

/// <summary>A record that does not exist or lies outside the caller's scope (deliberately indistinguishable); answered 404.</summary>
internal sealed class NotFoundException(string message, params object?[] arguments) : CallerFacingException(new Phrase(message, arguments));

/// <summary>
/// The action does not fit the record's current state; answered 409. <paramref name="details"/> become members of the
/// ProblemDetails (e.g. the record's current state), so a client can tell what it ran into.
/// </summary>
internal sealed class ConflictException(Phrase message, IReadOnlyDictionary<string, object?>? details = null) : CallerFacingException(message)
{
    public ConflictException(string message, IReadOnlyDictionary<string, object?>? details = null) : this(new Phrase(message), details)
    {
    }

    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}

/// <summary>The caller may see the record but not do this to it; answered 403.</summary>
internal sealed class ForbiddenException(string message, params object?[] arguments) : CallerFacingException(new Phrase(message, arguments));

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

/// <summary>What a page says above its form when an action is refused, instead of each page catching each kind.</summary>
internal static class Refusal
{
    /// <summary>
    /// The reason in the request's language: every message of a broken rule (<see cref="ValidationFailedException.Sentence"/>)
    /// or a caller-facing refusal (not found, conflict, forbidden); null for any other exception, which goes on to the error handler.
    /// </summary>
    public static string? Of(Exception exception, IStringLocalizer text) => exception switch
    {
        ValidationFailedException v => v.Sentence(text),
        CallerFacingException c => c.Phrase.In(text),
        _ => null,
    };
}
