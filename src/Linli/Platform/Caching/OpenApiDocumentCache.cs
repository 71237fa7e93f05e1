using System.Collections.Concurrent;

namespace Linli.Platform.Caching;

/// <summary>
/// The OpenAPI document is generated from the endpoints, which do not change while the process runs, yet generating it
/// walks every endpoint's metadata and schemas (about 0.8 s at full load): the first answer of each document is kept as
/// bytes and served to every later request. The document names the server it was fetched from (scheme, host, base path),
/// so the copy is kept per document and origin; a bounded number of origins (a forged Host header cannot fill memory:
/// past the bound, a request is answered by the generator as before). Only complete 200 answers are kept. The middleware
/// in front of the endpoint (security headers, rate limits) still runs on every request.
/// </summary>
internal static class OpenApiDocumentCache
{
    /// <summary>Origins times documents kept; a deployment has one or two origins and one document.</summary>
    private const int MaxEntries = 16;

    private static readonly object Generating = new();

    private sealed record Document(byte[] Body, string? ContentType);

    /// <summary>Wraps the document endpoints that <paramref name="builder"/> maps.</summary>
    public static TBuilder CacheDocument<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        var documents = new ConcurrentDictionary<string, Lazy<Task<Document?>>>(StringComparer.Ordinal);
        builder.Add(endpoint =>
        {
            var generate = endpoint.RequestDelegate ?? throw new InvalidOperationException("The OpenAPI endpoint has no request delegate.");
            endpoint.RequestDelegate = context => ServeAsync(context, generate, documents);
        });
        return builder;
    }

    private static async Task ServeAsync(HttpContext context, RequestDelegate generate, ConcurrentDictionary<string, Lazy<Task<Document?>>> documents)
    {
        var request = context.Request;
        var key = $"{request.RouteValues["documentName"]}|{request.Scheme}|{request.Host}|{request.PathBase}";
        if (!documents.TryGetValue(key, out var entry))
        {
            if (documents.Count >= MaxEntries)
            {
                await generate(context);
                return;
            }
            entry = documents.GetOrAdd(key, _ => new Lazy<Task<Document?>>(() => GenerateAsync(generate, context)));
        }
        Document? document;
        try
        {
            document = await entry.Value;
        }
        catch when (!context.Items.ContainsKey(Generating))
        {
            // Another request's generation failed (that request was aborted, say): this one generates for itself.
            documents.TryRemove(key, out _);
            await generate(context);
            return;
        }
        catch
        {
            documents.TryRemove(key, out _);
            throw;
        }
        if (document is null)
        {
            // Not a complete 200 (an unknown document name, say): nothing kept; the generator answers this request.
            documents.TryRemove(key, out _);
            if (!context.Items.ContainsKey(Generating)) await generate(context);
            return;
        }
        if (context.Items.ContainsKey(Generating)) return; // this request generated the document and has already sent it
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = document.ContentType;
        context.Response.ContentLength = document.Body.Length;
        await context.Response.Body.WriteAsync(document.Body, context.RequestAborted);
    }

    /// <summary>Runs the generator for one request, capturing what it writes, and sends it to that request too.</summary>
    private static async Task<Document?> GenerateAsync(RequestDelegate generate, HttpContext context)
    {
        context.Items[Generating] = true;
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await generate(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var body = buffer.ToArray();
        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
        return context.Response.StatusCode == StatusCodes.Status200OK ? new Document(body, context.Response.ContentType) : null;
    }
}
