using Linli.Platform.Idempotency;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Open311.Discovery;

/// <summary>
/// GET discovery.{format}: where the endpoint is (its base URL with the trailing slash clients append paths to), which
/// specifications and formats it speaks (GeoReport v2, and mySociety's extension for service request updates), whom to ask
/// for a key, and what a client needs to know to use it at volume: the longest URL the server takes (so how many
/// service_request_id fit in one GET) and the Idempotency-Key header of POSTs.
/// </summary>
internal static class DiscoveryEndpoint
{
    /// <summary>When this endpoint's description last changed.</summary>
    public static readonly DateTime Changeset = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public const string GeoReport = "http://wiki.open311.org/GeoReport_v2";
    public const string UpdatesExtension = "https://github.com/mysociety/FixMyStreet/wiki/Open311-FMS---Proposed-differences-to-Open311";

    /// <summary>Room kept in the request line for the method, the spaces and the HTTP version ("GET " … " HTTP/1.1\r\n").</summary>
    public const int RequestLineOverhead = 32;

    /// <summary>A service request id (14 digits) and its comma, encoded as %2C as most clients do.</summary>
    public const int BytesPerId = 17;

    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapGet("/discovery.{format}", Open311Result (string format, HttpContext http, IConfiguration configuration, IOptions<KestrelServerOptions> kestrel) =>
            {
                var url = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{Open311Endpoints.Root}/";
                var maxUrl = kestrel.Value.Limits.MaxRequestLineSize - RequestLineOverhead;
                var type = configuration["Open311:Type"] ?? "production";
                O311Object Endpoint(string specification) => new O311Object("endpoint")
                    .Add("specification", specification)
                    .Add("url", url)
                    .Add("changeset", Changeset)
                    .Add("type", type)
                    .Add("formats", new O311List("formats", "format", ["text/xml", "application/json"]));
                return new Open311Result(new O311Object("discovery")
                    .Add("changeset", Changeset)
                    .Add("contact", configuration["Open311:Contact"] ?? "12345 市民服务热线")
                    .Add("key_service", configuration["Open311:KeyService"] ?? "API keys are issued by the platform's administrators (POST /api/requests/open311/clients).")
                    .Add("endpoints", new O311List("endpoints", "endpoint", [Endpoint(GeoReport), Endpoint(UpdatesExtension)]))
                    // Beyond the spec's fields, after them: what a client syncing many reports needs to know.
                    .Add("max_url_length", maxUrl)
                    .Add("max_service_request_ids", (maxUrl - $"{http.Request.PathBase}{Open311Endpoints.Root}/requests.json?service_request_id=".Length) / BytesPerId)
                    .Add("idempotency_key_header", IdempotencyKey.Header)
                    .Add("notes", $"URLs up to {maxUrl} bytes are taken (longer ones are answered 414). GET requests with service_request_id answers every id asked for and found; " +
                                  $"without it, the last {Open311DateRange.MaxDays} days or the first {Open311Paging.DefaultPageSize} requests, with page and page_size (up to {Open311Paging.MaxPageSize}) for more. " +
                                  $"POST requests takes an {IdempotencyKey.Header} header (1 to {IdempotencyKey.MaxLength} printable ASCII characters): " +
                                  "a retry with the same key within 24 hours answers the first answer and files nothing; the same key with a different request is a 422. " +
                                  "POST servicerequestupdates is idempotent by the client's update_id."),
                    format);
            })
            .WithName("Open311Discovery")
            .WithSummary("Open311 discovery: the GeoReport v2 endpoint and the updates extension, formats, how to get a key, the URL limit and the Idempotency-Key header.");
}
