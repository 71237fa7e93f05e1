using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.ServiceDesk.Features.ReceiveCase;

internal sealed record OnlineApplicationRequest(ApplicantInput Applicant, string ItemCode);

/// <summary>网上办: a resident applies for an item with the online mode; the case enters the same flow, at their home community.</summary>
internal static class OnlineApplicationEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/online", async Task<Created<CaseView>> (OnlineApplicationRequest request, CaseIntake intake, CaseWorkflow workflow, ServiceDeskDbContext db,
                HttpContext http, IAreaScope scope, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var c = await intake.ReceiveAsync(request.Applicant ?? new ApplicantInput(null), request.ItemCode, HandlingModes.Online, actor, [], ct);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/service-cases/{c.Id}", await workflow.ViewAsync(await workflow.LoadAsync(c.Id, null, ct), actor, ct));
            })
            .RequireAuthorization(ServiceDeskPermissions.Apply)
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Intake)
            .WithName("ApplyOnline")
            .WithSummary("网上办: a resident applies online for an item that allows it; the case is received at their home community.");
}
