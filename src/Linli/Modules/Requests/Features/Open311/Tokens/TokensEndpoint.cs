using Linli.Modules.Requests.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.Tokens;

/// <summary>GET tokens/{token}.{format}: the service_request_id a POST's token stands for.</summary>
internal static class TokensEndpoint
{
    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapGet("/tokens/{token}.{format}", async Task<Open311Result> (string token, string format, RequestsDbContext db, CancellationToken ct) =>
            {
                var number = (Guid.TryParse(token, out var guid)
                    ? await db.Open311Submissions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Token == guid).Select(s => s.Ticket!.Number).FirstOrDefaultAsync(ct)
                    : null)
                    ?? throw Open311Exception.NotFound("没有令牌“{0}”。", token);
                return new Open311Result(new O311List("service_requests", "request",
                    [new O311Object("request").Add("service_request_id", number).Add("token", token)]), format);
            })
            .WithName("Open311Token")
            .WithSummary("Open311: the service_request_id of a token.");
}
