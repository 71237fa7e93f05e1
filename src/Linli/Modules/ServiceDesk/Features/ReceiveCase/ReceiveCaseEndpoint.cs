using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Auth;
using Linli.Platform.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Linli.Modules.ServiceDesk.Features.ReceiveCase;

internal sealed record ReceiveCaseRequest(
    [property: Required] ApplicantInput Applicant,
    [property: Required, MaxLength(64)] string ItemCode,
    HandlingModes Mode = HandlingModes.Window,
    [property: MaxLength(200)] IReadOnlyList<long>? Received = null);

internal static class ReceiveCaseEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Results<Created<CaseView>, IdempotentAnswer>> (ReceiveCaseRequest request, HttpContext http, IAreaScope scope, CaseIntake intake,
                CaseWorkflow workflow, ServiceDeskDbContext db, IdempotencyStore<ServiceDeskDbContext> idempotency, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var key = IdempotencyKey.FromHeader(http.Request) is { } given
                    ? new IdempotencyKey("user:" + actor.UserId, given, IdempotencyKey.Fingerprint("POST /api/service-cases", JsonSerializer.Serialize(request, json.Value.SerializerOptions)))
                    : null;
                if (key is not null && await idempotency.FindAsync(key, ct) is { } earlier) return earlier;
                var c = await intake.ReceiveAsync(request.Applicant ?? new ApplicantInput(null), request.ItemCode, request.Mode, actor, request.Received, ct);
                if (key is null)
                {
                    await db.SaveChangesAsync(ct);
                    return TypedResults.Created($"/api/service-cases/{c.Id}", await workflow.ViewAsync(await workflow.LoadAsync(c.Id, null, ct, ignoreScope: true), actor, ct));
                }
                var answer = await idempotency.SaveAsync(key, () => new IdempotentAnswer(StatusCodes.Status201Created, "application/json; charset=utf-8",
                    JsonSerializer.Serialize(new { c.Id, c.Number }, json.Value.SerializerOptions), $"/api/service-cases/{c.Id}"), ct);
                if (answer.Location != $"/api/service-cases/{c.Id}") return answer; // a concurrent double-click committed first
                var view = await workflow.ViewAsync(await workflow.LoadAsync(c.Id, null, ct, ignoreScope: true), actor, ct);
                return TypedResults.Created(answer.Location, view);
            })
            .RequireAuthorization(ServiceDeskPermissions.HandleCases)
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Intake)
            .WithName("ReceiveServiceCase")
            .WithSummary("收件: a community worker receives an application for an item's published version, for any resident of the city or a person new to the pool.")
            .WithDescription("applicant.newToPool: omitted, the number is looked up in the pool and name and homeCommunityCode are for a person not in it; " +
                             "false, a resident of the pool (a number not in it is a 400 at Applicant.IdNumber); true, a person entered as new (name, homeCommunityCode and phone required, " +
                             "each checked and named when wrong): a number that is a resident's outside the worker's area is linked to them and answered exactly as typed. " +
                             "With an Idempotency-Key header, a repeat of the same request answers the first case (id and number, with Idempotent-Replayed: true) and creates nothing.");
}
