using Linli.Platform.Auth;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit;

internal sealed record AuditEntryDto(long Id, DateTime At, string UserName, string Action, string SubjectType, string SubjectId, string RegionCode, string Field, string Reason);

internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async Task<Ok<Paged<AuditEntryDto>>> (
                string? userName, string? subjectType, string? subjectId, DateTime? from, DateTime? to, int? page, int? pageSize,
                AuditDbContext db, IAreaScope scope, CancellationToken ct) =>
            {
                var prefix = scope.RegionPrefix ?? "\u0000"; // no region scope: nothing matches
                var query = db.Entries.AsNoTracking().Where(e => e.RegionCode.StartsWith(prefix));
                if (!string.IsNullOrWhiteSpace(userName)) query = query.Where(e => e.UserName == userName);
                if (!string.IsNullOrWhiteSpace(subjectType)) query = query.Where(e => e.SubjectType == subjectType);
                if (!string.IsNullOrWhiteSpace(subjectId)) query = query.Where(e => e.SubjectId == subjectId);
                if (from is not null) query = query.Where(e => e.At >= from.Value.ToUniversalTime());
                if (to is not null) query = query.Where(e => e.At < to.Value.ToUniversalTime());
                var result = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
                    .Select(e => new AuditEntryDto(e.Id, e.At, e.UserName, e.Action, e.SubjectType, e.SubjectId, e.RegionCode, e.Field, e.Reason))
                    .ToPagedAsync(page, pageSize, ct);
                return TypedResults.Ok(result);
            })
            .RequireAuthorization(Permissions.ReadAudit)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("The append-only log of full views of personal data, newest first, within the caller's area.");
}
