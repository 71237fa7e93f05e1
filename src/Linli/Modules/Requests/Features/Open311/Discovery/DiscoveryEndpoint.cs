namespace Linli.Modules.Requests.Features.Open311.Discovery;

/// <summary>GET discovery.{format}: where the endpoint is, which specification and formats it speaks, whom to ask for a key.</summary>
internal static class DiscoveryEndpoint
{
    /// <summary>When this endpoint's description last changed.</summary>
    public static readonly DateTime Changeset = new(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);

    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapGet("/discovery.{format}", Open311Result (string format, HttpContext http, IConfiguration configuration) =>
            {
                var url = $"{http.Request.Scheme}://{http.Request.Host}{Open311Endpoints.Root}";
                var endpoint = new O311Object("endpoint")
                    .Add("specification", "http://wiki.open311.org/GeoReport_v2")
                    .Add("url", url)
                    .Add("changeset", Changeset)
                    .Add("type", configuration["Open311:Type"] ?? "production")
                    .Add("formats", new O311List("formats", "format", ["text/xml", "application/json"]));
                return new Open311Result(new O311Object("discovery")
                    .Add("changeset", Changeset)
                    .Add("contact", configuration["Open311:Contact"] ?? "12345 市民服务热线")
                    .Add("key_service", configuration["Open311:KeyService"] ?? "API keys are issued by the platform's administrators (POST /api/requests/open311/clients).")
                    .Add("endpoints", new O311List("endpoints", "endpoint", [endpoint])), format);
            })
            .WithName("Open311Discovery")
            .WithSummary("Open311 discovery: the GeoReport v2 endpoint, its formats and how to get a key.");
}
