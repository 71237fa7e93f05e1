using Linli.Modules.Requests.Features.Open311;

namespace Linli.Modules.Requests.Features.Open311Errors;

/// <summary>
/// Errors the platform answers before or around an Open311 endpoint (input refused at the edge, a 503 while the
/// database restarts, a bare status) reach Open311 clients as the spec's error list, in the format the path names
/// (.xml by default), like the errors of the endpoints themselves (Open311ErrorFilter).
/// </summary>
internal sealed class Open311ProblemDetailsWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => context.HttpContext.Request.Path.StartsWithSegments(Open311Endpoints.Root);

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var format = http.GetRouteValue("format") as string ?? Path.GetExtension(http.Request.Path.Value ?? "").TrimStart('.');
        var parts = new List<string>();
        if ((problem.Detail ?? problem.Title) is { } summary) parts.Add(summary);
        if (problem is HttpValidationProblemDetails validation)
            parts.AddRange(validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        await Open311Format.Error(format, problem.Status ?? http.Response.StatusCode, string.Join(" ", parts)).ExecuteAsync(http);
    }
}
