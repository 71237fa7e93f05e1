using Linli.Modules.Requests.Features.Open311.Clients;
using Linli.Modules.Requests.Features.Open311.Discovery;
using Linli.Modules.Requests.Features.Open311.GetRequests;
using Linli.Modules.Requests.Features.Open311.PostRequest;
using Linli.Modules.Requests.Features.Open311.ServiceDefinition;
using Linli.Modules.Requests.Features.Open311.Services;
using Linli.Modules.Requests.Features.Open311.Tokens;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Validation;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2/ (https://wiki.open311.org/GeoReport_v2): discovery, services, service
/// definitions, requests (POST with an API key, GET public) and tokens, each as .xml or .json. Every error, whatever
/// its cause, is the spec's error list in the URL's format: 403 for the key, 404 for what does not exist, 400 otherwise.
/// </summary>
internal static class Open311Endpoints
{
    public const string Root = "/open311/v2";

    public static void Map(IEndpointRouteBuilder app)
    {
        var v2 = app.MapGroup(Root).WithTags("Open311").AllowAnonymous().AddEndpointFilter<Open311ErrorFilter>().DisableAntiforgery();
        v2.RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Open311); // POST by the write limit, reads by the read limit
        DiscoveryEndpoint.Map(v2);
        ServicesEndpoint.Map(v2);
        ServiceDefinitionEndpoint.Map(v2);
        PostRequestEndpoint.Map(v2);
        GetRequestsEndpoint.Map(v2);
        TokensEndpoint.Map(v2);
        // Anything else under the root: the spec's 404, in the format the path asks for (XML by default).
        v2.Map("/{**path}", (string? path) => Open311Format.Error(Path.GetExtension(path ?? "").TrimStart('.'), StatusCodes.Status404NotFound,
            "No such Open311 resource.")).ExcludeFromDescription();

        ClientsEndpoints.Map(app.MapGroup("/api/requests/open311/clients").WithTags("Open311")
            .RequireAuthorization(Permissions.ConfigureRequests).WithValidation());
    }
}

/// <summary>Turns whatever goes wrong inside an Open311 endpoint into the spec's error list, never a stack trace.</summary>
internal sealed class Open311ErrorFilter(ILogger<Open311ErrorFilter> logger) : IEndpointFilter
{
    // Intake speaks in its own field names; Open311 clients know the spec's.
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Longitude"] = "lat/long", ["Latitude"] = "lat/long", ["CommunityCode"] = "address_id", ["GridCode"] = "address_id",
        ["Description"] = "description", ["CategoryId"] = "service_code", ["ContactPhone"] = "phone", ["Address"] = "address_string",
    };

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var format = http.GetRouteValue("format") as string;
        if (http.GetRouteValue("path") is null && !Open311Format.IsKnown(format))
            return Open311Format.Error(Open311Format.Xml, StatusCodes.Status404NotFound, "Unknown format: use .xml or .json.");
        try
        {
            return await next(context);
        }
        catch (Open311Exception e)
        {
            return Open311Format.Error(format, e.Status, e.Message);
        }
        catch (ValidationFailedException e)
        {
            var description = string.Join(" ", e.Errors.Select(f => $"{Fields.GetValueOrDefault(f.Key, f.Key)}: {string.Join(" ", f.Value)}"));
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, description);
        }
        catch (NotFoundException e)
        {
            return Open311Format.Error(format, StatusCodes.Status404NotFound, e.Message);
        }
        catch (ForbiddenException e)
        {
            return Open311Format.Error(format, StatusCodes.Status403Forbidden, e.Message);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or FormatException)
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "The request could not be read.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(e, "Open311 {Method} {Path} failed", http.Request.Method, http.Request.Path);
            return Open311Format.Error(format, StatusCodes.Status500InternalServerError, "An unexpected error occurred.");
        }
    }
}
