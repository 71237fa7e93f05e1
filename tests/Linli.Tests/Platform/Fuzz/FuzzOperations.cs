using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace Linli.Tests.Platform.Fuzz;

/// <summary>Where the operations come from: the OpenAPI document as served, the Open311 endpoints, and the pages' handlers.</summary>
internal static partial class FuzzOperations
{
    /// <summary>Every operation of the OpenAPI document, with its parameters and body schema.</summary>
    public static IEnumerable<FuzzOperation> FromOpenApi(JsonElement document)
    {
        var components = document.GetProperty("components").GetProperty("schemas");
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            var parameters = operation.Value.TryGetProperty("parameters", out var list)
                ? list.EnumerateArray().Select(p => new FuzzParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!,
                    p.TryGetProperty("schema", out var s) ? FuzzSchema.From(s, components) : FuzzSchema.Text)).ToList()
                : [];
            var (kind, body) = (FuzzBodyKind.None, (FuzzSchema?)null);
            if (operation.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
            {
                foreach (var media in content.EnumerateObject())
                {
                    var schema = media.Value.TryGetProperty("schema", out var s) ? FuzzSchema.From(s, components) : null;
                    (kind, body) = media.Name switch
                    {
                        "application/json" => (FuzzBodyKind.Json, schema),
                        "multipart/form-data" => (FuzzBodyKind.Multipart, schema),
                        "application/x-www-form-urlencoded" => (FuzzBodyKind.Form, schema),
                        _ => (kind, body),
                    };
                    if (kind == FuzzBodyKind.Json) break;
                }
            }
            yield return new FuzzOperation("openapi", operation.Name.ToUpperInvariant(), path.Name, parameters, kind, body);
        }
    }

    /// <summary>
    /// The Open311 POST reads its form itself, so the document names no body: its fields are the GeoReport v2 ones.
    /// The endpoints missing from the document (the catch-all) are added from the endpoint data source.
    /// </summary>
    public static IEnumerable<FuzzOperation> Open311(EndpointDataSource endpoints, IReadOnlyCollection<FuzzOperation> documented)
    {
        var text = FuzzSchema.Text;
        var fields = new[]
        {
            "api_key", "service_code", "lat", "long", "address_string", "address_id", "email", "device_id", "account_id", "first_name", "last_name",
            "phone", "description", "media_url", "attribute[problem]",
        }.Select(name => new FuzzProperty(name, name is "lat" or "long" ? new FuzzSchema(FuzzKind.Number) : name == "service_code" ? new FuzzSchema(FuzzKind.Integer) : text)).ToList();
        foreach (var operation in documented.Where(o => o.Template.StartsWith("/open311/", StringComparison.Ordinal) && o.Method == "POST"))
        {
            yield return operation with { Origin = "open311", BodyKind = FuzzBodyKind.Form, Body = new FuzzSchema(FuzzKind.Object, Properties: fields) };
            yield return operation with { Origin = "open311", BodyKind = FuzzBodyKind.Multipart, Body = new FuzzSchema(FuzzKind.Object, Properties: fields) };
        }
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText?.StartsWith("/open311/", StringComparison.Ordinal) == true))
        {
            var template = Template(endpoint.RoutePattern.RawText!);
            if (documented.Any(o => o.Template == template)) continue;
            foreach (var method in new[] { "GET", "POST", "PUT", "DELETE" })
                yield return new FuzzOperation("open311", method, template.Replace("{path}", "nothing/here.json", StringComparison.Ordinal), [], FuzzBodyKind.None, null);
        }
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    /// <summary>A route template as the document spells it: constraints and optional marks dropped, leading slash.</summary>
    public static string Template(string raw) => "/" + RouteParameter().Replace(raw.TrimStart('/'), m => "{" + m.Groups["name"].Value + "}");

    public static IEnumerable<string> RouteParameters(string template) => RouteParameter().Matches(template).Select(m => m.Groups["name"].Value);

    /// <summary>
    /// Every Razor Page handler: POST handlers with the form fields they bind (bound properties and handler parameters
    /// not taken from the route), GET handlers with the query parameters they bind.
    /// </summary>
    public static async Task<IReadOnlyList<FuzzOperation>> FromPagesAsync(EndpointDataSource endpoints, PageLoader loader)
    {
        var operations = new List<FuzzOperation>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var template = Template(endpoint.RoutePattern.RawText ?? "");
            var routeNames = RouteParameters(template).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var handler in compiled.HandlerMethods)
            {
                var post = string.Equals(handler.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase);
                var fields = new List<FuzzProperty>();
                foreach (var property in compiled.BoundProperties)
                {
                    if (!post && !SupportsGet(property)) continue;
                    fields.AddRange(Fields(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType));
                }
                foreach (var parameter in handler.Parameters)
                {
                    if (routeNames.Contains(parameter.Name) || parameter.ParameterType == typeof(CancellationToken)) continue;
                    if (parameter.BindingInfo?.BindingSource is { } source && (source == BindingSource.Services || source == BindingSource.Path)) continue;
                    fields.AddRange(Fields(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType));
                }
                var body = new FuzzSchema(FuzzKind.Object, Properties: fields);
                operations.Add(post
                    ? new FuzzOperation("page", "POST", template, [], FuzzBodyKind.Form, body, handler.Name)
                    : new FuzzOperation("page", "GET", template, fields.Where(f => f.Schema.Kind != FuzzKind.File).Select(f => new FuzzParameter(f.Name, "query", f.Schema)).ToList(),
                        FuzzBodyKind.None, null, handler.Name));
            }
        }
        return operations;
    }

    private static bool SupportsGet(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor property) =>
        property is PageBoundPropertyDescriptor { Property: { } info }
        && info.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true).OfType<Microsoft.AspNetCore.Mvc.BindPropertyAttribute>().Any(a => a.SupportsGet);

    /// <summary>The form names a bound value takes: itself, or Prefix.Member for each member of a complex type.</summary>
    private static IEnumerable<FuzzProperty> Fields(string name, Type type)
    {
        var schema = FuzzSchema.From(type);
        if (schema.Kind == FuzzKind.Object)
            return schema.Properties!.Where(p => p.Schema.Kind != FuzzKind.Object).Select(p => new FuzzProperty($"{name}.{p.Name}", p.Schema));
        return [new FuzzProperty(name, schema)];
    }
}
