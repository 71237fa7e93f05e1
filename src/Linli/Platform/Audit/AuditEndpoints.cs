using System.ComponentModel.DataAnnotations;
using Linli.Platform.Auth;
using Linli.Platform.Export;
using Linli.Platform.RateLimiting;
using Linli.Platform.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Platform.Audit;

/// <summary>Filters that may sit in a URL: codes, ids, dates — no names.</summary>
internal sealed record AuditListRequest(
    [property: MaxLength(AuditLimits.Code)] string? Action,
    [property: MaxLength(AuditLimits.Code)] string? SubjectType,
    [property: MaxLength(AuditLimits.Code)] string? SubjectId,
    [property: RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] string? Region,
    [property: Validation.PlausibleDate] DateTime? From, [property: Validation.PlausibleDate] DateTime? To, int? Page, int? PageSize)
{
    public AuditFilter Filter() => new()
    {
        Action = Action, SubjectType = SubjectType, SubjectId = SubjectId, Region = Region,
        FromUtc = From?.ToUniversalTime(), ToUtc = To?.ToUniversalTime(),
    };
}

/// <summary>Every filter, the user's name included, in the body of a POST.</summary>
internal sealed record AuditSearchRequest(
    [property: MaxLength(AuditLimits.UserName)] string? UserName,
    [property: MaxLength(AuditLimits.Code)] string? Action,
    [property: MaxLength(AuditLimits.Code)] string? SubjectType,
    [property: MaxLength(AuditLimits.Code)] string? SubjectId,
    [property: RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] string? Region,
    [property: Validation.PlausibleDate] DateTime? From, [property: Validation.PlausibleDate] DateTime? To, int? Page, int? PageSize,
    [property: AllowedValues(null, "xlsx", "csv", ErrorMessage = "导出格式只能是 xlsx 或 csv。")] string? Format = null)
{
    public AuditFilter Filter() => new()
    {
        UserName = UserName, Action = Action, SubjectType = SubjectType, SubjectId = SubjectId, Region = Region,
        FromUtc = From?.ToUniversalTime(), ToUtc = To?.ToUniversalTime(),
    };
}

internal static class AuditEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(PlatformPermissions.ReadAudit).WithValidation();

        audit.MapGet("/", async Task<Ok<AuditPage<AuditEntryDto>>> ([AsParameters] AuditListRequest request, AuditDbContext db, IAreaScope scope,
                AuditPresenter presenter, CancellationToken ct) =>
                TypedResults.Ok(await PageAsync(request.Filter(), request.Page, request.PageSize, db, scope, presenter, ct)))
            .WithName("ListAuditEntries")
            .WithSummary("The append-only audit log within the caller's area, newest first, by action, kind and id of record, region prefix and time; labelled; the total is counted up to 10,000.");

        audit.MapPost("/search", async Task<Ok<AuditPage<AuditEntryDto>>> (AuditSearchRequest request, AuditDbContext db, IAreaScope scope,
                AuditPresenter presenter, CancellationToken ct) =>
                TypedResults.Ok(await PageAsync(request.Filter(), request.Page, request.PageSize, db, scope, presenter, ct)))
            .WithName("SearchAuditEntries")
            .WithSummary("The audit log filtered also by user name, which stays out of URLs (the filters are the body).");

        audit.MapPost("/export", async (AuditSearchRequest request, AuditDbContext db, IAreaScope scope, AuditPresenter presenter, TableExporter exporter,
                CancellationToken ct) =>
            {
                var filter = request.Filter();
                return await AuditExport.FileAsync(AuditQuery.Newest(AuditQuery.Filter(db, scope, filter)), filter, ExportFormats.Parse(request.Format), scope, presenter,
                    exporter, ct);
            })
            .RequireRateLimiting(RateLimitPolicies.Export)
            .WithName("ExportAuditEntries")
            .WithSummary("The filtered audit log as an Excel workbook (format xlsx, default) or CSV, labelled; the export is itself audited.");

        audit.MapPost("/verification", (AuditVerificationRunner runner, IAreaScope scope, HttpContext http) =>
                runner.TryStart(AuditActorOf(scope, http), scope.RegionPrefix ?? "")
                    ? Results.Accepted("/api/audit/verification", runner.Current)
                    : Results.Conflict(runner.Current))
            .WithName("StartAuditVerification")
            .WithSummary("Starts verifying the whole chain in the background on this instance (409 while one runs).");

        audit.MapGet("/verification", (AuditVerificationRunner runner) => TypedResults.Ok(runner.Current))
            .WithName("AuditVerificationProgress")
            .WithSummary("Progress and outcome of the verification started on this instance (null when none ran).");
    }

    public static AuditActor AuditActorOf(IAreaScope scope, HttpContext http) =>
        new(scope.UserId ?? "", scope.UserName ?? "", http.User.FindFirst(LinliClaims.DisplayName)?.Value ?? "");

    private static async Task<AuditPage<AuditEntryDto>> PageAsync(AuditFilter filter, int? page, int? pageSize, AuditDbContext db, IAreaScope scope,
        AuditPresenter presenter, CancellationToken ct)
    {
        var result = await AuditQuery.PageAsync(db, scope, filter, page, pageSize, ct);
        var regions = await presenter.RegionNamesAsync(result.Items, ct);
        return new AuditPage<AuditEntryDto>(result.Items.Select(e => presenter.Dto(e, regions)).ToList(), result.Page, result.PageSize, result.Total, result.TotalIsCapped);
    }
}
