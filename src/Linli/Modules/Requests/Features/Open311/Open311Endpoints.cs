using Linli.Modules.Requests.Features.Open311.Clients;
using Linli.Modules.Requests.Features.Open311.Discovery;
using Linli.Modules.Requests.Features.Open311.GetRequests;
using Linli.Modules.Requests.Features.Open311.GetUpdates;
using Linli.Modules.Requests.Features.Open311.PostRequest;
using Linli.Modules.Requests.Features.Open311.PostUpdate;
using Linli.Modules.Requests.Features.Open311.ServiceDefinition;
using Linli.Modules.Requests.Features.Open311.Services;
using Linli.Modules.Requests.Features.Open311.Tokens;
using Linli.Platform.Localization;
using Linli.Platform.Validation;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2/ (https://wiki.open311.org/GeoReport_v2): discovery, services, service
/// definitions, requests (POST with an API key, GET public), tokens and mySociety's service request updates (GET public,
/// POST with an API key), each as .xml or .json. Every error, whatever its cause, is the spec's error list in the URL's
/// format: 403 for the key, 404 for what does not exist, 400 otherwise.
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
        GetUpdatesEndpoint.Map(v2);
        PostUpdateEndpoint.Map(v2);
        // Anything else under the root: the spec's 404, in the format the path asks for (XML by default).
        v2.Map("/{**path}", (string? path, IStringLocalizer<SharedResource> text) => Open311Format.Error(Path.GetExtension(path ?? "").TrimStart('.'),
            StatusCodes.Status404NotFound, text["没有这个 Open311 资源。"])).ExcludeFromDescription();

        ClientsEndpoints.Map(app.MapGroup("/api/requests/open311/clients").WithTags("Open311")
            .RequireAuthorization(RequestsPermissions.ConfigureRequests).WithValidation());
    }
}
