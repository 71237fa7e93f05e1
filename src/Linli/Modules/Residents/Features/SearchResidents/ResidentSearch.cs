using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.SearchResidents;

/// <summary>
/// Filters of a resident search; all optional and combined. The name matches from its start (an index serves it), the ID
/// and phone numbers match exactly through their keyed hash, the tag must be in force today, the community code is a
/// region-code prefix (a district, street, community or grid).
/// </summary>
internal sealed record ResidentFilter(string? Name = null, string? IdNumber = null, string? Phone = null, PopulationTagKind? Tag = null, string? CommunityCode = null)
{
    /// <summary>"idNumber", "phone" or both: the exact numbers searched for (null when none), as the audit log names them.</summary>
    public string? NumberFields =>
        string.Join(",", new[] { string.IsNullOrWhiteSpace(IdNumber) ? null : NumberSearchGuard.IdNumberField, string.IsNullOrWhiteSpace(Phone) ? null : NumberSearchGuard.PhoneField }
            .OfType<string>()) is { Length: > 0 } fields ? fields : null;
}

/// <summary>
/// The one resident search behind the API and the search page. The caller's scope is applied by the DbContext; a search
/// by ID or phone number goes through <see cref="NumberSearchGuard"/> (permission, hourly budget, audit). Results are in id
/// order and page by keyset (<see cref="Keyset{TEntity}"/>): the primary key serves any depth. A list filtered by region
/// alone takes its exact total from the kept unit counts; any other filter counts up to <see cref="Paging.CountLimit"/>.
/// </summary>
internal sealed class ResidentSearch(ResidentsDbContext db, IPersonalDataProtector protector, NumberSearchGuard numbers, TimeProvider clock, IAreaScope scope)
{
    private static readonly Keyset<Resident> ById = Keyset<Resident>.Ascending(r => r.Id);

    private sealed record Row(long Id, long HouseholdId, string Name, Gender Gender, int BirthYear, string IdNumberMasked, string? PhoneMasked,
        RelationToHead RelationToHead, string CommunityCode, string? GridCode);

    public Task<Paged<ResidentSummary>> SearchAsync(ResidentFilter filter, int? page, int? pageSize, CancellationToken cancellationToken) =>
        SearchAsync(filter, new PageRequest(page, pageSize), cancellationToken);

    public async Task<Paged<ResidentSummary>> SearchAsync(ResidentFilter filter, PageRequest request, CancellationToken cancellationToken)
    {
        var today = Views.Today(clock);
        var numberFields = filter.NumberFields;
        if (numberFields is not null) await numbers.BeforeAsync();
        var query = Query(filter, today);
        var regionOnly = string.IsNullOrWhiteSpace(filter.Name) && string.IsNullOrWhiteSpace(filter.IdNumber) && string.IsNullOrWhiteSpace(filter.Phone);
        Func<CancellationToken, Task<(long, bool)>>? total = !regionOnly ? null
            : filter.Tag is null ? async ct => (await UnitTotalAsync(filter.CommunityCode, households: false, ct), false)
            : scope.Grid is null && (filter.CommunityCode?.Trim().Length ?? 0) <= 12 ? ct => TaggedTotalAsync(filter.Tag.Value, filter.CommunityCode, today, ct)
            : null;
        var rows = await ById.PageAsync(query,
            r => new Row(r.Id, r.HouseholdId, r.Name, r.Gender, r.BirthYear, r.IdNumberMasked, r.PhoneMasked, r.RelationToHead, r.CommunityCode, r.GridCode),
            r => [r.Id], request, cancellationToken, total,
            // A name prefix and a tag are each a few per cent of the city: no index holds their intersection, so counting
            // even 10,000 of them reads hundreds of thousands of rows. The page itself is cheap (in id order it stops early).
            counted: !(!string.IsNullOrWhiteSpace(filter.Name) && filter.Tag is not null));
        if (numberFields is not null)
            await numbers.AfterAsync(numberFields, rows.Total, rows.Items.FirstOrDefault()?.Id, rows.Items.FirstOrDefault()?.CommunityCode, cancellationToken);
        var tags = await ActiveTagsAsync(db, rows.Items.Select(r => r.Id).ToList(), today, cancellationToken);
        return new Paged<ResidentSummary>(rows.Items.Select(r => ToSummary(r, tags)).ToList(), rows.Page, rows.PageSize, rows.Total)
            { TotalIsCapped = rows.TotalIsCapped, Next = rows.Next, Previous = rows.Previous };
    }

    /// <summary>The residents the filter selects, within the caller's scope (the context's filter), in no order.</summary>
    private IQueryable<Resident> Query(ResidentFilter filter, DateOnly today)
    {
        var query = db.Residents.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Name))
        {
            var name = filter.Name.Trim();
            query = query.Where(r => r.Name.StartsWith(name));
        }
        if (!string.IsNullOrWhiteSpace(filter.IdNumber))
        {
            var hash = protector.IdNumberHash(filter.IdNumber);
            query = query.Where(r => r.IdNumberHash == hash);
        }
        if (!string.IsNullOrWhiteSpace(filter.Phone))
        {
            if (!PhoneNumber.TryParse(filter.Phone, out var phone)) throw ValidationFailedException.For(nameof(filter.Phone), PhoneNumber.Problem(filter.Phone)!);
            var hash = protector.Hash(phone);
            query = query.Where(r => r.PhoneHash == hash);
        }
        if (filter.Tag is { } tag)
            query = query.Where(r => r.Tags.Any(t => t.Tag == tag && t.StartDate <= today && (t.EndDate == null || t.EndDate >= today)));
        if (!string.IsNullOrWhiteSpace(filter.CommunityCode))
        {
            var prefix = filter.CommunityCode.Trim();
            query = prefix.Length > 12
                ? query.Where(r => r.GridCode!.StartsWith(prefix))
                : query.Where(r => r.CommunityCode.StartsWith(prefix));
        }
        return query;
    }

    /// <summary>
    /// The search's residents for an export, in id order, batch by batch by keyset on the id (each batch "the ids after the
    /// last one": the primary key serves it at any depth), masked exactly as the list shows them. A search by number is not
    /// exported: it finds one person, whom a reveal shows.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ResidentSummary>> ExportBatchesAsync(ResidentFilter filter, int batchSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (filter.NumberFields is not null)
            throw ValidationFailedException.For("idNumber", "按身份证号或手机号检索的结果不能导出。");
        var today = Views.Today(clock);
        var query = Query(filter, today);
        long last = 0;
        while (true)
        {
            var after = last;
            var rows = await query.Where(r => r.Id > after).OrderBy(r => r.Id).TakeLiteral(batchSize)
                .Select(r => new Row(r.Id, r.HouseholdId, r.Name, r.Gender, r.BirthYear, r.IdNumberMasked, r.PhoneMasked, r.RelationToHead, r.CommunityCode, r.GridCode))
                .ToListAsync(cancellationToken);
            if (rows.Count == 0) yield break;
            var tags = await ActiveTagsAsync(db, rows.Select(r => r.Id).ToList(), today, cancellationToken);
            yield return rows.Select(r => ToSummary(r, tags)).ToList();
            if (rows.Count < batchSize) yield break;
            last = rows[^1].Id;
        }
    }

    /// <summary>
    /// Whether the search selects more than <paramref name="count"/> residents: the one row past them in id order, so an
    /// oversized export is refused after an index walk, before any row is read and written.
    /// </summary>
    public Task<bool> HasMoreThanAsync(ResidentFilter filter, int count, CancellationToken cancellationToken) =>
        Query(filter, Views.Today(clock)).OrderBy(r => r.Id).Skip(count).AnyAsync(cancellationToken);

    /// <summary>
    /// Residents with a tag in force under a region prefix (within the caller's scope, which the tags carry too), counted
    /// on the tags alone — a range of the (tag, community, resident) index — up to <see cref="Paging.CountLimit"/>. A
    /// tag's community is its resident's, so this is the count of the residents' query without a join per resident.
    /// </summary>
    private async Task<(long, bool)> TaggedTotalAsync(PopulationTagKind tag, string? regionPrefix, DateOnly today, CancellationToken cancellationToken)
    {
        var tags = db.Tags.AsNoTracking().Where(t => t.Tag == tag && t.StartDate <= today && (t.EndDate == null || t.EndDate >= today));
        if (!string.IsNullOrWhiteSpace(regionPrefix))
        {
            var prefix = regionPrefix.Trim();
            tags = tags.Where(t => t.CommunityCode.StartsWith(prefix));
        }
        // Distinct (community, resident): a resident is in one community, and that is the index's order, so the distinct
        // rows stream off the index and the count stops at the limit.
        return await Paging.CountUpToLimitAsync(tags.Select(t => new { t.CommunityCode, t.ResidentId }).Distinct(), cancellationToken);
    }

    /// <summary>
    /// Residents (or households) under a region prefix within the caller's scope, from the unit counts (a grid or a community
    /// each): exactly what the scoped query would count, read from a few rows instead of counting millions.
    /// </summary>
    public async Task<long> UnitTotalAsync(string? regionPrefix, bool households, CancellationToken cancellationToken)
    {
        var within = scope.Grid ?? scope.CommunityPrefix;
        if (within is null) return 0;
        var wanted = regionPrefix?.Trim() ?? "";
        var prefix = wanted.StartsWith(within, StringComparison.Ordinal) ? wanted : within.StartsWith(wanted, StringComparison.Ordinal) ? within : null;
        if (prefix is null) return 0;
        var units = db.UnitCounts.AsNoTracking().Where(u => u.UnitCode.StartsWith(prefix));
        return households ? await units.SumAsync(u => u.Households, cancellationToken) : await units.SumAsync(u => u.Residents, cancellationToken);
    }

    /// <summary>Residents of one household (already known to be visible), head first.</summary>
    public async Task<IReadOnlyList<ResidentSummary>> MembersAsync(long householdId, CancellationToken cancellationToken)
    {
        var today = Views.Today(clock);
        var rows = await db.Residents.AsNoTracking().Where(r => r.HouseholdId == householdId)
            .OrderBy(r => r.RelationToHead).ThenBy(r => r.BirthYear).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.HouseholdId, r.Name, r.Gender, r.BirthYear, r.IdNumberMasked, r.PhoneMasked, r.RelationToHead, r.CommunityCode, r.GridCode))
            .ToListAsync(cancellationToken);
        var tags = await ActiveTagsAsync(db, rows.Select(r => r.Id).ToList(), today, cancellationToken);
        return rows.Select(r => ToSummary(r, tags)).ToList();
    }

    private ResidentSummary ToSummary(Row r, ILookup<long, PopulationTagKind> tags) =>
        new(r.Id, r.HouseholdId, r.Name, r.Gender, r.BirthYear, AgeTags.AgeThisYear(r.BirthYear, Views.Today(clock)), r.IdNumberMasked, r.PhoneMasked,
            r.RelationToHead, r.CommunityCode, r.GridCode, tags[r.Id].Order().ToList());

    private static async Task<ILookup<long, PopulationTagKind>> ActiveTagsAsync(ResidentsDbContext db, List<long> residentIds, DateOnly today, CancellationToken cancellationToken)
    {
        if (residentIds.Count == 0) return Array.Empty<(long, PopulationTagKind)>().ToLookup(t => t.Item1, t => t.Item2);
        var tags = await db.Tags.AsNoTracking()
            .Where(t => residentIds.Contains(t.ResidentId) && t.StartDate <= today && (t.EndDate == null || t.EndDate >= today))
            .Select(t => new { t.ResidentId, t.Tag })
            .ToListAsync(cancellationToken);
        return tags.Distinct().ToLookup(t => t.ResidentId, t => t.Tag);
    }
}
