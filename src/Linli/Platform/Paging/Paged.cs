using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Paging;

/// <summary>One page of a list. Every list the platform returns is paginated.</summary>
internal sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public int PageCount => (int)Math.Ceiling(Total / (double)PageSize);
}

internal static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Pages beyond this are past any real list; clamping keeps (page - 1) × size far from overflowing.</summary>
    public const int MaxPage = 1_000_000;

    public static (int Page, int PageSize) Normalize(int? page, int? pageSize) =>
        (Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? DefaultPageSize, 1, MaxPageSize));

    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, int? page, int? pageSize, CancellationToken cancellationToken = default)
    {
        var (p, size) = Normalize(page, pageSize);
        var total = await ordered.LongCountAsync(cancellationToken);
        var items = await ordered.Skip((p - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<T>(items, p, size, total);
    }
}
