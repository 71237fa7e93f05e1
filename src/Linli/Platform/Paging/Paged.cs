using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Paging;

/// <summary>
/// One page of a list. Every list the platform returns is paginated. Lists that can hold millions of rows count at most
/// <see cref="Paging.CountLimit"/> of them (<see cref="TotalIsCapped"/>: "10,000+") and go deeper than
/// <see cref="Paging.MaxOffset"/> rows only by cursor (<see cref="Next"/>, <see cref="Previous"/>; <see cref="Keyset{TEntity}"/>).
/// <see cref="Page"/> is 0 on a page reached by cursor: its position is not counted.
/// </summary>
internal sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public int PageCount => (int)Math.Ceiling(Total / (double)PageSize);

    /// <summary>True when counting stopped at <see cref="Paging.CountLimit"/>: the list holds at least <see cref="Total"/> rows.</summary>
    public bool TotalIsCapped { get; init; }

    /// <summary>Cursor of the page after this one (pass it as <c>after</c>), when there is one.</summary>
    public string? Next { get; init; }

    /// <summary>Cursor of the page before this one (pass it as <c>before</c>), when there is one and the list pages by cursor.</summary>
    public string? Previous { get; init; }
}

internal static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Pages beyond this are past any real list; clamping keeps (page - 1) × size far from overflowing.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>A list that may hold millions counts this many rows at most and shows "10,000+": no count over millions per page view.</summary>
    public const int CountLimit = 10_000;

    /// <summary>
    /// Rows an offset may skip (200 pages of 50). Deeper, the database would read and throw away every row before the page,
    /// so a deeper page number is refused and the list continues by cursor, which costs the same at any depth.
    /// </summary>
    public const int MaxOffset = 10_000;

    // Limits and offsets go into the SQL as literals (a constant node in the expression tree, which EF does not parameterise): with them as parameters, PostgreSQL's generic plan
    // (chosen after a statement's fifth run) guesses a tenth of the table and sorts it, instead of reading the index in order.

    public static IQueryable<T> TakeLiteral<T>(this IQueryable<T> query, int count) =>
        query.Provider.CreateQuery<T>(System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], query.Expression,
            System.Linq.Expressions.Expression.Constant(count)));

    public static IQueryable<T> SkipLiteral<T>(this IQueryable<T> query, int count) =>
        query.Provider.CreateQuery<T>(System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Skip), [typeof(T)], query.Expression,
            System.Linq.Expressions.Expression.Constant(count)));

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    /// <summary>An offset page with an exact count: for lists bounded by nature (categories, departments, workers of a city).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var (p, size) = Normalize(page, pageSize);
        var total = await ordered.LongCountAsync(cancellationToken);
        var items = await ordered.Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<T>(items, p, size, total);
    }

    /// <summary>
    /// An offset page of a list that may hold millions: counted up to <see cref="CountLimit"/>, and no deeper than
    /// <see cref="MaxOffset"/> rows (a 400 naming <c>page</c> beyond, unless the count shows the page is past the end: then empty).
    /// </summary>
    public static async Task<Paged<T>> ToCappedPageAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var (p, size) = Normalize(page, pageSize);
        var (total, capped) = await CountUpToLimitAsync(ordered, cancellationToken);
        var offset = (long)(p - 1) * size;
        if (offset >= total && !capped) return new Paged<T>([], p, size, total);
        RefuseDeepOffset(offset);
        var items = await ordered.SkipLiteral((int)offset).TakeLiteral(size).ToListAsync(cancellationToken);
        return new Paged<T>(items, p, size, total) { TotalIsCapped = capped };
    }

    /// <summary>Counts at most <see cref="CountLimit"/> rows (one more tells whether there are more): a bounded scan at any size.</summary>
    public static Task<(long Total, bool Capped)> CountUpToLimitAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        CountUpToLimitAsync(query, CountLimit, cancellationToken);

    public static async Task<(long Total, bool Capped)> CountUpToLimitAsync<T>(IQueryable<T> query, int limit, CancellationToken cancellationToken)
    {
        var n = await query.TakeLiteral(limit + 1).LongCountAsync(cancellationToken);
        return n > limit ? (limit, true) : (n, false);
    }

    internal static void RefuseDeepOffset(long offset)
    {
        if (offset > MaxOffset)
            throw ValidationFailedException.For("page",
                "页码过深：按页码最多翻到第 {0} 条，更深处请用上一页结果中的 next 游标（after 参数）继续，或缩小筛选条件。", MaxOffset);
    }
}
