using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.Verifications;

/// <summary>
/// A case to verify as its reader sees it: the registration that was refused (number masked) and, only when the
/// reader's area covers it, where the number is registered already.
/// </summary>
internal sealed record VerificationView(
    long Id, string CommunityCode, string Name, string IdNumber, string Source, string? RequestedBy, DateTime RequestedAt,
    long? ExistingResidentId, string? ExistingCommunityCode, bool ExistingOutsideYourArea, DateTime? ResolvedAt, string? ResolvedBy, string? Resolution);

internal sealed record ListVerificationsRequest(bool? Open, int? Page, int? PageSize);

internal sealed record ResolveVerificationRequest([property: Required(ErrorMessage = "请填写核实结果。"), MaxLength(500)] string Resolution);

/// <summary>The district's list of registrations to verify (需上级核实), within the caller's area, newest first.</summary>
internal sealed class VerificationQueries(ResidentsDbContext db, IAreaScope scope, TimeProvider clock)
{
    public async Task<Paged<VerificationView>> ListAsync(bool? open, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var query = db.PendingVerifications.AsNoTracking();
        if (open is { } o) query = o ? query.Where(v => v.ResolvedAt == null) : query.Where(v => v.ResolvedAt != null);
        var paged = await query.OrderByDescending(v => v.Id).ToPagedAsync(page, pageSize, cancellationToken);
        return new Paged<VerificationView>(paged.Items.Select(View).ToList(), paged.Page, paged.PageSize, paged.Total);
    }

    public async Task<VerificationView> ResolveAsync(long id, string resolution, CancellationToken cancellationToken)
    {
        var verification = await db.PendingVerifications.FirstOrDefaultAsync(v => v.Id == id, cancellationToken)
                           ?? throw new NotFoundException("核实事项 {0} 不存在。", id);
        if (verification.ResolvedAt is not null) throw new ConflictException("此核实事项已办结。");
        verification.ResolvedAt = clock.GetUtcNow().UtcDateTime;
        verification.ResolvedBy = scope.UserName;
        verification.Resolution = resolution.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return View(verification);
    }

    private VerificationView View(Domain.PendingVerification v)
    {
        var visible = scope.Covers(v.ExistingCommunityCode);
        return new VerificationView(v.Id, v.CommunityCode, v.Name, v.IdNumberMasked, v.Source, v.RequestedBy, v.RequestedAt,
            visible ? v.ExistingResidentId : null, visible ? v.ExistingCommunityCode : null, !visible, v.ResolvedAt, v.ResolvedBy, v.Resolution);
    }
}

internal static class VerificationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/verifications", async Task<Ok<Paged<VerificationView>>> ([AsParameters] ListVerificationsRequest request, VerificationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(request.Open, request.Page, request.PageSize, ct)))
            .WithName("ListPendingVerifications")
            .WithSummary("Registrations refused because the ID number is registered already (需上级核实), within the caller's area; paginated. " +
                         "Where the number is registered is shown only when the caller's area covers it.");

        api.MapPost("/verifications/{id:long}/resolve", async Task<Ok<VerificationView>> (long id, ResolveVerificationRequest request, VerificationQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ResolveAsync(id, request.Resolution, ct)))
            .RequireAuthorization(ResidentsPermissions.ImportPeople)
            .WithName("ResolvePendingVerification")
            .WithSummary("Closes a case to verify with what was found.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
