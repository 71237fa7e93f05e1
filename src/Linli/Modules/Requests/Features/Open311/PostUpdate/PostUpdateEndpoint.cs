namespace Linli.Modules.Requests.Features.Open311.PostUpdate;

/// <summary>
/// POST servicerequestupdates.{format} (mySociety's extension; a form with the api_key): a client passes on what the
/// reporter added to a request it filed. Read defensively (<see cref="Open311Form"/>), bound (<see cref="Open311NewUpdate"/>),
/// kept as a comment (<see cref="PostUpdateHandler"/>).
/// </summary>
internal static class PostUpdateEndpoint
{
    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapPost("/servicerequestupdates.{format}", async Task<Open311Result> (string format, HttpContext http, Open311KeyCache keys,
                PostUpdateHandler handler, CancellationToken ct) =>
            {
                var form = await Open311Form.ReadAsync(http.Request, ct);
                var client = await keys.ClientAsync(form.Field("api_key"), ct);
                return await handler.HandleAsync(client, Open311NewUpdate.Bind(form), format, ct);
            })
            .WithOpen311Form()
            .DisableAntiforgery()
            .WithName("Open311PostServiceRequestUpdate")
            .WithSummary("Open311 (mySociety extension): a client's comment on a request it filed (form, api_key required; idempotent by update_id).");
}
