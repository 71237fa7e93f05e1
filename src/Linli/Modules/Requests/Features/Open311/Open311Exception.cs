using Linli.Platform.Errors;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// Thrown inside the Open311 endpoints; the group's filter answers it as the spec's error list, its description
/// (<see cref="Phrase"/>, a key of Platform/Localization/SharedResource.en.resx) in the caller's language.
/// </summary>
internal sealed class Open311Exception(int status, string message, params object?[] arguments) : Exception(new Phrase(message, arguments).ToString())
{
    public int Status { get; } = status;

    public Phrase Phrase { get; } = new(message, arguments);

    public static Open311Exception BadRequest(string message, params object?[] arguments) => new(StatusCodes.Status400BadRequest, message, arguments);
    public static Open311Exception NotFound(string message, params object?[] arguments) => new(StatusCodes.Status404NotFound, message, arguments);
    public static Open311Exception Forbidden(string message, params object?[] arguments) => new(StatusCodes.Status403Forbidden, message, arguments);
}
