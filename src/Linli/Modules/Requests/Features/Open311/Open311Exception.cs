namespace Linli.Modules.Requests.Features.Open311;

/// <summary>Thrown inside the Open311 endpoints; the group's filter answers it as the spec's error list.</summary>
internal sealed class Open311Exception(int status, string description) : Exception(description)
{
    public int Status { get; } = status;

    public static Open311Exception BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);
    public static Open311Exception NotFound(string description) => new(StatusCodes.Status404NotFound, description);
    public static Open311Exception Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);
}
