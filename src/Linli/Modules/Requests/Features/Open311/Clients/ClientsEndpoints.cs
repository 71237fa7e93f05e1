using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.Clients;

internal sealed record CreateClientRequest([property: Required, MaxLength(Open311Limits.NameLength)] string Name);

internal sealed record ClientItem(int Id, string Name, string KeyHint, DateTime CreatedAt, string? CreatedBy, DateTime? RevokedAt);

/// <summary>The key is in this answer only; the database keeps its keyed hash.</summary>
internal sealed record CreatedClient(int Id, string Name, string KeyHint, DateTime CreatedAt, string ApiKey);

/// <summary>Administrators issue and revoke Open311 API keys (one client = one key).</summary>
internal static class ClientsEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/", async Task<Created<CreatedClient>> (CreateClientRequest request, RequestsDbContext db,
                IAreaScope caller, TimeProvider clock, CancellationToken ct) =>
            {
                var name = request.Name.Trim();
                if (name.Length == 0) throw ValidationFailedException.For(nameof(request.Name), "请填写客户端名称。");
                var key = Open311Keys.NewKey();
                var client = new Open311Client
                {
                    Name = name, KeyHash = Open311Keys.Hash(key), KeyHint = Open311Keys.Hint(key),
                    CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = caller.UserName,
                };
                db.Open311Clients.Add(client);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/requests/open311/clients/{client.Id}", new CreatedClient(client.Id, client.Name, client.KeyHint, client.CreatedAt, key));
            })
            .WithName("CreateOpen311Client")
            .WithSummary("Issues an Open311 API key to a named client; the key is shown in this answer only.");

        api.MapGet("/", async Task<Ok<Paged<ClientItem>>> (int? page, int? pageSize, RequestsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Open311Clients.AsNoTracking().OrderBy(c => c.Id)
                    .Select(c => new ClientItem(c.Id, c.Name, c.KeyHint, c.CreatedAt, c.CreatedBy, c.RevokedAt))
                    .ToPagedAsync(page, pageSize, ct)))
            .WithName("ListOpen311Clients")
            .WithSummary("Open311 clients (never their keys); paginated.");

        api.MapDelete("/{id:int}", async Task<NoContent> (int id, RequestsDbContext db, Open311KeyCache keys, TimeProvider clock, CancellationToken ct) =>
            {
                var client = await db.Open311Clients.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("Open311 客户端 {0} 不存在。", id);
                client.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
                await keys.ForgetAsync();
                return TypedResults.NoContent();
            })
            .WithName("RevokeOpen311Client")
            .WithSummary("Revokes a client's key: its next request is a 403.");
    }
}
