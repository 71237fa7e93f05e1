namespace Linli.Platform.Idempotency;

/// <summary>
/// The answer given to a submission, as it is stored and as it is given again to a repeat: status, body with its content
/// type, and the Location of what was created. A repeat carries <c>Idempotent-Replayed: true</c>.
/// </summary>
internal sealed record IdempotentAnswer(int StatusCode, string? ContentType, string? Body, string? Location) : IResult
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.Headers[ReplayedHeader] = "true";
        if (Location is not null) response.Headers.Location = Location;
        if (Body is null) return;
        response.ContentType = ContentType ?? "text/plain; charset=utf-8";
        await response.WriteAsync(Body, httpContext.RequestAborted);
    }
}
