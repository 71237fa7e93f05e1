using System.Globalization;

namespace Linli.Modules.Requests.Features.Open311;

internal static class Open311Paging
{
    /// <summary>
    /// What a list answers when the client does not page: the spec's "first 1,000 requests" (most clients never page).
    /// </summary>
    public const int DefaultPageSize = 1000;

    public const int MaxPageSize = 1000, MaxPage = 1_000_000;

    /// <summary>
    /// The page/page_size extension: page from 1 to 1,000,000, page_size from 1 to 1,000 (so (page - 1) * page_size always
    /// fits an int); anything else is a 400.
    /// </summary>
    public static (int Page, int PageSize) Parse(string? page, string? pageSize)
    {
        var p = 1;
        var size = DefaultPageSize;
        if (page is not null && (!int.TryParse(page, NumberStyles.Integer, CultureInfo.InvariantCulture, out p) || p < 1 || p > MaxPage))
            throw Open311Exception.BadRequest("{0} 须为 1 到 {1} 的整数。", "page", MaxPage);
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.Integer, CultureInfo.InvariantCulture, out size) || size < 1 || size > MaxPageSize))
            throw Open311Exception.BadRequest("{0} 须为 1 到 {1} 的整数。", "page_size", MaxPageSize);
        return (p, size);
    }
}
