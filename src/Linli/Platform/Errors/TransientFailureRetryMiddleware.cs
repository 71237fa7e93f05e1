namespace Linli.Platform.Errors;

/// <summary>
/// A read (GET or HEAD) that meets a transient database failure before it has answered anything is run once more, on a
/// fresh connection: a database restart of a fraction of a second then costs a reader nothing. Writes are never
/// repeated here (one that failed may have committed); they answer 503 with Retry-After from the exception handler,
/// and clients repeat them with an idempotency key.
/// </summary>
internal sealed class TransientFailureRetryMiddleware(RequestDelegate next, ILogger<TransientFailureRetryMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        // What the middleware before this one set (security headers, say) outlives the failed attempt.
        var headers = http.Response.Headers.ToList();
        try
        {
            await next(http);
        }
        catch (Exception e) when (TransientDatabaseFailure.Is(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Transient database failure ({Failure}) on {Method} {Path}; trying once more",
                e.GetBaseException().GetType().Name, http.Request.Method, http.Request.Path);
            TransientDatabaseFailure.ForgetBrokenConnections(e);
            http.Response.Clear();
            foreach (var (name, value) in headers) http.Response.Headers[name] = value;
            if (http.Request.Body.CanSeek) http.Request.Body.Position = 0;
            await next(http);
        }
    }
}
