using System.ComponentModel.DataAnnotations;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
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

    /// <summary>Region prefixes at least this long (a street and below) select few entries.</summary>
    private const int NarrowPrefix = 9;

    /// <summary>
    /// Entries whose region lies in the caller's area (narrowed by the region filter). Entries about no region (a
    /// verification, a key rotation) belong to the whole installation and are shown to city-wide readers.
    /// </summary>
    /// <param name="forCounting">Every prefix as a range of codes: a count walks the region index and needs no time order.</param>
    public static IQueryable<AuditEntry> Filter(AuditDbContext db, IAreaScope scope, AuditFilter filter, bool forCounting = false)
    {
        var query = db.Entries.AsNoTracking();
        if (scope.RegionPrefix is not { } area) return query.Where(e => false);
        var region = filter.Region?.Trim();
        string within;
        if (string.IsNullOrEmpty(region)) within = area;
        else if (region.StartsWith(area, StringComparison.Ordinal)) within = region;
        else if (area.StartsWith(region, StringComparison.Ordinal)) within = area;
        else return query.Where(e => false);
        // Entries about no region go with the whole area of a city-wide reader.
        var withPlatformWide = within.Length <= 4 && string.IsNullOrEmpty(region);
        var onlyByRegion = string.IsNullOrWhiteSpace(filter.UserName) && string.IsNullOrWhiteSpace(filter.Action) && string.IsNullOrWhiteSpace(filter.SubjectType)
                           && string.IsNullOrWhiteSpace(filter.SubjectId) && filter.FromUtc is null && filter.ToUtc is null;
        if (within.Length > 0 && (within.Length >= NarrowPrefix || (forCounting && onlyByRegion && !withPlatformWide)))
        {
            // A range of codes ("210102001" up to "21010200:"), which SQLite answers from the index on region_code (its
            // LIKE would scan): for a street, community or grid, and for counting a district, which needs no time order.
            // (With another filter its own index leads, and the prefix test below keeps SQLite's planner on it.)
            var upper = within[..^1] + (char)(within[^1] + 1);
#pragma warning disable CA1309 // EF translates string.Compare(a, b) to SQL's own comparison; the StringComparison overload has no translation
            query = withPlatformWide
                ? query.Where(e => (string.Compare(e.RegionCode, within) >= 0 && string.Compare(e.RegionCode, upper) < 0) || e.RegionCode == "")
                : query.Where(e => string.Compare(e.RegionCode, within) >= 0 && string.Compare(e.RegionCode, upper) < 0);
#pragma warning restore CA1309
        }
        else if (within.Length > 0)
        {
            // A city or district matches most entries: newest first along the time index, filtering as it goes, is the
            // fast plan for a page, and a prefix test (not a range) keeps SQLite's planner on it.
            query = withPlatformWide
                ? query.Where(e => e.RegionCode.StartsWith(within) || e.RegionCode == "")
                : query.Where(e => e.RegionCode.StartsWith(within));
        }
        if (filter.UserName?.Trim() is { Length: > 0 } user) query = query.Where(e => e.UserName == user);
        if (filter.Action?.Trim() is { Length: > 0 } action) query = query.Where(e => e.Action == action);
        if (filter.SubjectType?.Trim() is { Length: > 0 } type) query = query.Where(e => e.SubjectType == type);
        if (filter.SubjectId?.Trim() is { Length: > 0 } subject) query = query.Where(e => e.SubjectId == subject);
        if (filter.FromUtc is { } from) query = query.Where(e => e.At >= from);
        if (filter.ToUtc is { } to) query = query.Where(e => e.At < to);
        return query;
    }

    /// <summary>Newest first; the sequence orders entries of the same microsecond.</summary>
    public static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> filtered) => filtered.OrderByDescending(e => e.At).ThenByDescending(e => e.Sequence);

    /// <summary>
    /// The total shown for <paramref name="counted"/> rows (counted up to one past the cap). A page beyond the counted
    /// range is served empty without asking the database (the filters should narrow the question there), so that no
    /// page number makes the database skip a million rows.
    /// </summary>
    public static (long Total, bool Capped, int Page) Bound(long counted, int page)
    {
        var capped = counted > CountCap;
        return (capped ? CountCap : counted, capped, Math.Max(1, page));
    }

    /// <summary>
    /// One page of the filtered log, newest first, with a count that stops at <see cref="CountCap"/> (no count
    /// over a million rows per page view; the count needs no order, so it sorts nothing).
    /// </summary>
    public static async Task<AuditPage<AuditEntry>> PageAsync(AuditDbContext db, IAreaScope scope, AuditFilter filter, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        var (requested, size) = Paging.Paging.Normalize(page, pageSize);
        var counted = await Filter(db, scope, filter, forCounting: true).Take(CountCap + 1).LongCountAsync(cancellationToken);
        var (total, capped, p) = Bound(counted, requested);
        var items = (long)(p - 1) * size >= total ? []
            : await Newest(Filter(db, scope, filter)).Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
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
