using System.ComponentModel.DataAnnotations;
using Linli.Modules.Indicators.Data;
using Linli.Modules.Indicators.Domain.DataEntry;
using Linli.Modules.Indicators.Features.Board;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Modules.Indicators.Features.DataEntry;

internal sealed record EntryView(long Id, string CommunityCode, int Year, string MeasureCode, double? Value, string? Comment, EntryStatus Status,
    string? ReturnReason, int Version, string UpdatedBy, DateTime UpdatedAt, string? ApprovedBy, DateTime? ApprovedAt)
{
    public static EntryView Of(MeasureEntry e) => new(e.Id, e.CommunityCode, e.Year, e.MeasureCode, e.Value, e.Comment, e.Status, e.ReturnReason, e.Version,
        e.UpdatedBy, e.UpdatedAt, e.ApprovedBy, e.ApprovedAt);
}

internal sealed record SaveEntryRequest(double? Value, [property: MaxLength(2000)] string? Comment = null, int? Version = null);
internal sealed record EntryStepRequest(int? Version = null, [property: MaxLength(2000)] string? Reason = null);

/// <summary>
/// 填报 over HTTP: a community saves and submits its values, the street and then the district approve or return them, a
/// district reopens an approved one. A caller sees only entries under its own area (404 outside it, as everywhere); which
/// step a role may take is <see cref="EntryTransitions"/>, what a value must satisfy <see cref="EntryRules"/>. Every change
/// is audited and drops the board's cached figures (<see cref="IndicatorBoard.CacheTag"/>).
/// </summary>
internal sealed class EntryWorkflow(IndicatorsDbContext db, IAreaScope scope, IHttpContextAccessor http, IRegionDirectory regions, IAuditLog audit,
    HybridCache cache, TimeProvider clock)
{
    /// <summary>The code prefix of the caller's area; every entry read or written lies under it.</summary>
    public string OwnArea => scope.CommunityPrefix ?? throw new ForbiddenException("填报按行政区划进行，您的账号没有区划范围。");

    private string Own => OwnArea;

    /// <summary>The step level of the caller's role (community, street, district), so a page offers only the steps it may take.</summary>
    public EntryTransitions.Level CallerLevel => Level;

    private EntryTransitions.Level Level =>
        (http.HttpContext?.User is { } user ? new[] { Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff }.Where(user.IsInRole)
            .Select(EntryTransitions.LevelOf).FirstOrDefault() : null)
        ?? throw new ForbiddenException("您的角色不参与填报。");

    public async Task<Paged<EntryView>> ListAsync(string? region, int? year, EntryStatus? status, int? page, int? pageSize, CancellationToken ct)
    {
        var prefix = string.IsNullOrWhiteSpace(region) ? Own : region.Trim();
        if (!prefix.StartsWith(Own, StringComparison.Ordinal)) throw new NotFoundException("没有代码为 {0} 的行政区划。", prefix);
        var query = db.Entries.AsNoTracking().Where(e => e.CommunityCode.StartsWith(prefix));
        if (year is { } y) query = query.Where(e => e.Year == y);
        if (status is { } s) query = query.Where(e => e.Status == s);
        var paged = await query.OrderBy(e => e.CommunityCode).ThenBy(e => e.Year).ThenBy(e => e.MeasureCode).ThenBy(e => e.Id).ToPagedAsync(page, pageSize, ct);
        return new Paged<EntryView>(paged.Items.Select(EntryView.Of).ToList(), paged.Page, paged.PageSize, paged.Total);
    }

    public async Task<MeasureEntry> LoadAsync(long id, int? expectedVersion, CancellationToken ct)
    {
        var own = Own;
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null || !entry.CommunityCode.StartsWith(own, StringComparison.Ordinal)) throw new NotFoundException("填报记录 {0} 不存在。", id);
        if (expectedVersion is { } v && v != entry.Version) throw Conflict(entry, "填报记录已被修改（当前版本 {0}，而不是 {1}），请刷新后重试。", entry.Version, v);
        return entry;
    }

    /// <summary>Saves a draft value of the caller's own community; creates the entry on its first save.</summary>
    public async Task<MeasureEntry> SaveAsync(string community, int year, string measure, SaveEntryRequest request, CancellationToken ct)
    {
        var own = Own;
        if (!community.StartsWith(own, StringComparison.Ordinal) || await regions.FindAsync(community, ct) is not { Level: RegionLevel.Community })
            throw new NotFoundException("没有代码为 {0} 的社区。", community);
        if (year is < 2000 or > 2100) throw ValidationFailedException.For("year", "年份不正确。");
        var entry = await db.Entries.FirstOrDefaultAsync(e => e.CommunityCode == community && e.Year == year && e.MeasureCode == measure, ct);
        if (entry is not null && request.Version is { } v && v != entry.Version)
            throw Conflict(entry, "填报记录已被修改（当前版本 {0}，而不是 {1}），请刷新后重试。", entry.Version, v);
        if (entry is not null && EntryTransitions.IsLocked(entry.Status))
            throw Conflict(entry, "该数值已经区审核通过并锁定，需由区重新开放后才能修改。");
        Require(entry?.Status ?? EntryStatus.Draft, EntryAction.Save, entry);

        var other = EntryRules.Measures.Keys.FirstOrDefault(k => k != measure);
        var otherValue = other is null ? null : await db.Entries.AsNoTracking()
            .Where(e => e.CommunityCode == community && e.Year == year && e.MeasureCode == other).Select(e => e.Value).FirstOrDefaultAsync(ct);
        var lastYear = await db.Entries.AsNoTracking()
            .Where(e => e.CommunityCode == community && e.Year == year - 1 && e.MeasureCode == measure && e.Status == EntryStatus.DistrictApproved)
            .Select(e => e.Value).FirstOrDefaultAsync(ct);
        // A save without a number would store an empty draft the street cannot review: refused, naming the field.
        if (request.Value is not { } value) throw ValidationFailedException.For("value", "请填写数值。");
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        var problems = EntryRules.Check(measure, value, otherValue, lastYear, comment);
        if (problems.Count > 0)
            throw new ValidationFailedException(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

        var before = entry?.Value;
        if (entry is null)
        {
            entry = new MeasureEntry { CommunityCode = community, Year = year, MeasureCode = measure, Status = EntryStatus.Draft, Version = 1 };
            db.Entries.Add(entry);
        }
        entry.Value = value;
        entry.Comment = comment;
        Touch(entry);
        await SaveAndRecordAsync(entry, "value", before is null ? $"{value}" : $"{before} → {value}", ct);
        return entry;
    }

    /// <summary>Submit, approve, return or reopen: legal in the entry's state and the caller's level, else 409 or 403.</summary>
    public async Task<MeasureEntry> StepAsync(long id, EntryAction action, EntryStepRequest request, CancellationToken ct)
    {
        var entry = await LoadAsync(id, request.Version, ct);
        var to = Require(entry.Status, action, entry);
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (action is EntryAction.Return && reason is null) throw ValidationFailedException.For("reason", "退回时请填写理由。");
        if (action is EntryAction.Submit && entry.Value is null) throw ValidationFailedException.For("value", "请先填写数值。");
        var from = entry.Status;
        entry.Status = to;
        entry.ReturnReason = action == EntryAction.Return ? reason : action == EntryAction.Submit ? null : entry.ReturnReason;
        if (to == EntryStatus.DistrictApproved)
        {
            entry.ApprovedBy = scope.UserName ?? "";
            entry.ApprovedAt = clock.GetUtcNow().UtcDateTime;
        }
        else if (from == EntryStatus.DistrictApproved)
        {
            entry.ApprovedBy = null;
            entry.ApprovedAt = null;
        }
        Touch(entry);
        await SaveAndRecordAsync(entry, action.ToString().ToLowerInvariant(), reason ?? $"{from} → {to}", ct);
        return entry;
    }

    private EntryStatus Require(EntryStatus from, EntryAction action, MeasureEntry? entry)
    {
        var level = Level;
        if (EntryTransitions.Next(from, action) is not { } next)
            throw entry is null ? new ConflictException("当前状态下不能进行此操作。") : Conflict(entry, "填报记录当前状态为 {0}，不能进行此操作。", from.ToString());
        if (next.By != level) throw new ForbiddenException("此步骤不由您的层级办理。");
        return next.To;
    }

    private void Touch(MeasureEntry entry)
    {
        entry.UpdatedBy = scope.UserName ?? "";
        entry.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private async Task SaveAndRecordAsync(MeasureEntry entry, string field, string reason, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("其他人已先修改了此填报记录，请刷新后重试。");
        }
        await audit.RecordAsync(new AuditRecord(DataEntryPermissions.AuditAction, DataEntryPermissions.AuditSubject, entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            entry.CommunityCode) { Field = field, Reason = reason, SubjectLabel = $"{entry.CommunityCode} {entry.Year} {entry.MeasureCode}" }, ct);
        await cache.RemoveByTagAsync(IndicatorBoard.CacheTag, ct);
    }

    private static ConflictException Conflict(MeasureEntry entry, string message, params object?[] arguments) =>
        new(new Phrase(message, arguments), new Dictionary<string, object?> { ["status"] = entry.Status.ToString(), ["version"] = entry.Version });
}

internal static class EntryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", async (string? region, int? year, EntryStatus? status, int? page, int? pageSize, EntryWorkflow workflow, CancellationToken ct) =>
                TypedResults.Ok(await workflow.ListAsync(region, year, status, page, pageSize, ct)))
            .WithName("ListIndicatorEntries").WithSummary("Entered values under a region of the caller's area (default: the whole area), by year and status, paged.");
        api.MapGet("/{id:long}", async (long id, EntryWorkflow workflow, CancellationToken ct) => TypedResults.Ok(EntryView.Of(await workflow.LoadAsync(id, null, ct))))
            .WithName("GetIndicatorEntry").WithSummary("One entered value; 404 outside the caller's area.");
        api.MapPut("/{community}/{year:int}/{measure}", async (string community, int year, string measure, SaveEntryRequest request, EntryWorkflow workflow, CancellationToken ct) =>
                TypedResults.Ok(EntryView.Of(await workflow.SaveAsync(community, year, measure, request, ct))))
            .WithName("SaveIndicatorEntry").WithSummary("Saves a draft value of the caller's community (400 naming the rule broken; 409 on a stale version or a locked, district-approved value).");
        foreach (var (path, action) in new[] { ("submit", EntryAction.Submit), ("approve", EntryAction.Approve), ("return", EntryAction.Return), ("reopen", EntryAction.Reopen) })
            api.MapPost("/{id:long}/" + path, async (long id, EntryStepRequest request, EntryWorkflow workflow, CancellationToken ct) =>
                    TypedResults.Ok(EntryView.Of(await workflow.StepAsync(id, action, request, ct))))
                .WithName("IndicatorEntry_" + path).WithSummary($"{action}: legal in the entry's status for the caller's level (409 / 403 otherwise).");
    }
}
