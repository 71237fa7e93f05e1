using Microsoft.AspNetCore.Mvc;

namespace Linli.Platform.Errors;

/// <summary>How an error reaches the caller, for the exception handler and the middleware that refuse a request early.</summary>
internal static class ErrorResponses
{
    /// <summary>
    /// A browser asking for a page gets the HTML error page (Platform/Ui/Error.cshtml, re-executed by the status-code
    /// pages); the API (and Open311, which answers its own error list) and every other client get ProblemDetails.
    /// </summary>
    public static bool WantsHtmlPage(HttpContext http) =>
        !http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/open311")
        && http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Answers <paramref name="status"/> as ProblemDetails (or the format a module writes for its own paths), or as the error page for a browser.</summary>
    public static async Task WriteAsync(HttpContext http, int status, string title, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        http.Response.StatusCode = status;
        if (WantsHtmlPage(http)) return; // the status-code pages render /error/{status}
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        (problem.Status, problem.Title, problem.Detail) = (status, title, detail);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>
    /// Adds a writer that answers errors in another format for part of the site (Open311's error list under its root)
    /// ahead of the default ProblemDetails writer, which takes every request that accepts JSON and so would never let
    /// a writer registered after it speak.
    /// </summary>
    public static IServiceCollection AddProblemDetailsWriterFirst<TWriter>(this IServiceCollection services) where TWriter : class, IProblemDetailsWriter
    {
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, TWriter>());
        return services;
    }
}
