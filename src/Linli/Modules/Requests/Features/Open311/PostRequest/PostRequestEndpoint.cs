using Linli.Platform.Idempotency;

namespace Linli.Modules.Requests.Features.Open311.PostRequest;

/// <summary>
/// POST requests.{format} (a form): an Open311 client files a request with its api_key. The place is lat/long, or
/// address_id (a 12-digit community or 15-digit grid code), or an address_string naming a community. The form is read
/// defensively (<see cref="Open311Form"/>), bound (<see cref="Open311NewRequest"/>) and filed (<see cref="PostRequestHandler"/>).
/// With an Idempotency-Key header, a retry of the same request within 24 hours answers the first answer and files nothing.
/// </summary>
internal static class PostRequestEndpoint
{
    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapPost("/requests.{format}", async Task<IResult> (string format, HttpContext http, Open311KeyCache keys, PostRequestHandler handler,
                CancellationToken ct) =>
            {
                var form = await Open311Form.ReadAsync(http.Request, ct);
                var client = await keys.ClientAsync(form.Field("api_key"), ct);
                var key = IdempotencyKey.FromHeader(http.Request) is { } given
                    ? new IdempotencyKey(Open311Keys.Caller(client.Id), given, IdempotencyKey.Fingerprint(["POST requests." + format.ToLowerInvariant(), .. form.Fingerprint()]))
                    : null;
                return await handler.HandleAsync(client, Open311NewRequest.Bind(form), format, key, ct);
            })
            .WithOpen311Form()
            .DisableAntiforgery()
            .WithName("Open311PostRequest")
            .WithSummary("Open311: file a request (a form, api_key required; Idempotency-Key honoured).");
}
