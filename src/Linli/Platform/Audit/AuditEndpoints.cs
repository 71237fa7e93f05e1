using Linli.Platform.Auth;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit;

internal sealed record AuditEntryDto(long Id, DateTime At, string UserName, string Action, string SubjectType, string SubjectId, string RegionCode, string Field, string Reason);

/// <summary>The one reading of the audit log, for the API and the page: the caller's area, the filters, newest first.</summary>
internal static class AuditQuery
{
    public static IQueryable<AuditEntry> Filter(AuditDbContext db, IAreaScope scope, string? userName, string? subjectType, string? subjectId,
        DateTime? fromUtc, DateTime? toUtc)
    {
        var prefix = scope.RegionPrefix ?? "\u0000"; // no region scope: nothing matches
        var query = db.Entries.AsNoTracking().Where(e => e.RegionCode.StartsWith(prefix));
        if (userName?.Trim() is { Length: > 0 } user) query = query.Where(e => e.UserName == user);
        if (subjectType?.Trim() is { Length: > 0 } type) query = query.Where(e => e.SubjectType == type);
        if (subjectId?.Trim() is { Length: > 0 } subject) query = query.Where(e => e.SubjectId == subject);
        if (fromUtc is { } from) query = query.Where(e => e.At >= from);
        if (toUtc is { } to) query = query.Where(e => e.At < to);
        return query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }
}

internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit", async Task<Ok<Paged<AuditEntryDto>>> (
                string? userName, string? subjectType, string? subjectId, DateTime? from, DateTime? to, int? page, int? pageSize,
                AuditDbContext db, IAreaScope scope, CancellationToken ct) =>
            {
                var query = AuditQuery.Filter(db, scope, userName, subjectType, subjectId, from?.ToUniversalTime(), to?.ToUniversalTime());
                var result = await query
                    .Select(e => new AuditEntryDto(e.Id, e.At, e.UserName, e.Action, e.SubjectType, e.SubjectId, e.RegionCode, e.Field, e.Reason))
                    .ToPagedAsync(page, pageSize, ct);
                return TypedResults.Ok(result);
            })
            .RequireAuthorization(Permissions.ReadAudit)
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .WithSummary("The append-only log of full views of personal data, newest first, within the caller's area.");
}
