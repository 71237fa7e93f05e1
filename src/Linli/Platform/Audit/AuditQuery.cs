using System.ComponentModel.DataAnnotations;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Audit;

/// <summary>What the audit log is filtered by. A user name can point at a person: it travels in a request body, never in a URL.</summary>
internal sealed record AuditFilter
{
    [MaxLength(AuditLimits.UserName)] public string? UserName { get; init; }
    [MaxLength(AuditLimits.Code)] public string? Action { get; init; }
    [MaxLength(AuditLimits.Code)] public string? SubjectType { get; init; }
    [MaxLength(AuditLimits.Code)] public string? SubjectId { get; init; }
    [RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] public string? Region { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
}

/// <summary>A page of the log. At a million entries the total is counted only up to <see cref="AuditQuery.CountCap"/>.</summary>
internal sealed record AuditPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total, bool TotalIsCapped)
{
    public int PageCount => (int)Math.Ceiling(Total / (double)PageSize);
}

/// <summary>One entry as the API and the export show it: codes with their labels, the user's name, the region's name.</summary>
internal sealed record AuditEntryDto(
    long Id, long Sequence, DateTime At, string UserName, string UserDisplayName, string Action, string ActionLabel,
    string SubjectType, string SubjectTypeLabel, string SubjectId, string SubjectLabel, string RegionCode, string? RegionName,
    string Field, string FieldLabel, string Reason, long? Count);

/// <summary>The one reading of the audit log, for the API, the page and the export: the caller's area, the filters, newest first.</summary>
internal static class AuditQuery
{
    public const int CountCap = 10_000;

    /// <summary>
    /// Entries whose region lies in the caller's area (narrowed by the region filter). Entries about no region (a
    /// verification, a key rotation) belong to the whole installation and are shown to city-wide readers.
    /// </summary>
    public static IQueryable<AuditEntry> Filter(AuditDbContext db, IAreaScope scope, AuditFilter filter)
    {
        var query = db.Entries.AsNoTracking();
        if (scope.RegionPrefix is not { } prefix) return query.Where(e => false);
        var region = filter.Region?.Trim();
        if (!string.IsNullOrEmpty(region) && region.StartsWith(prefix, StringComparison.Ordinal))
            query = query.Where(e => e.RegionCode.StartsWith(region));
        else if (!string.IsNullOrEmpty(region) && !prefix.StartsWith(region, StringComparison.Ordinal))
            return query.Where(e => false);
        else if (prefix.Length <= 4)
            query = query.Where(e => e.RegionCode.StartsWith(prefix) || e.RegionCode == "");
        else
            query = query.Where(e => e.RegionCode.StartsWith(prefix));
        if (filter.UserName?.Trim() is { Length: > 0 } user) query = query.Where(e => e.UserName == user);
        if (filter.Action?.Trim() is { Length: > 0 } action) query = query.Where(e => e.Action == action);
        if (filter.SubjectType?.Trim() is { Length: > 0 } type) query = query.Where(e => e.SubjectType == type);
        if (filter.SubjectId?.Trim() is { Length: > 0 } subject) query = query.Where(e => e.SubjectId == subject);
        if (filter.FromUtc is { } from) query = query.Where(e => e.At >= from);
        if (filter.ToUtc is { } to) query = query.Where(e => e.At < to);
        return query.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence);
    }

    /// <summary>
    /// The total shown for <paramref name="counted"/> rows (counted up to one past the cap) and the page actually served:
    /// beyond the counted range the filters should narrow the question, so the last counted page is as far as paging goes.
    /// </summary>
    public static (long Total, bool Capped, int Page) Bound(long counted, int page, int pageSize)
    {
        var capped = counted > CountCap;
        var total = capped ? CountCap : counted;
        return (total, capped, Math.Clamp(page, 1, Math.Max(1, (int)Math.Ceiling(total / (double)pageSize))));
    }

    /// <summary>One page, with a count that stops at <see cref="CountCap"/> (no count over a million rows per page view).</summary>
    public static async Task<AuditPage<AuditEntry>> PageAsync(IQueryable<AuditEntry> ordered, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (requested, size) = Paging.Paging.Normalize(page, pageSize);
        var (total, capped, p) = Bound(await ordered.Take(CountCap + 1).LongCountAsync(cancellationToken), requested, size);
        var items = await ordered.Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new AuditPage<AuditEntry>(items, p, size, total, capped);
    }
}

/// <summary>Turns entries into what people read: labels in the caller's language, region names in one query per page.</summary>
internal sealed class AuditPresenter(IStringLocalizer<SharedResource> text, IEnumerable<IRegionNames> regionNames)
{
    public async Task<IReadOnlyDictionary<string, string>> RegionNamesAsync(IEnumerable<AuditEntry> entries, CancellationToken cancellationToken) =>
        regionNames.FirstOrDefault() is { } names
            ? await names.NamesAsync(entries.Select(e => e.RegionCode).Where(c => c.Length > 0).Distinct(), cancellationToken)
            : new Dictionary<string, string>();

    public string Text(string chinese) => text[chinese];
    public string Action(string code) => text[AuditLabels.Action(code)];
    public string Subject(string code) => code.Length == 0 ? "" : text[AuditLabels.Subject(code)];
    public string Field(string code) => code.Length == 0 ? "" : text[AuditLabels.Field(code)];

    public AuditEntryDto Dto(AuditEntry e, IReadOnlyDictionary<string, string> regions) => new(
        e.Id, e.Sequence, e.At, e.UserName, e.UserDisplayName, e.Action, Action(e.Action), e.SubjectType, Subject(e.SubjectType), e.SubjectId,
        e.SubjectLabel, e.RegionCode, regions.GetValueOrDefault(e.RegionCode), e.Field, Field(e.Field), e.Reason, e.Count);
}
