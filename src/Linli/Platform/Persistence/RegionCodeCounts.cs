using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Persistence;

internal static class RegionCodeCounts
{
    /// <summary>
    /// Counts region codes under <paramref name="codePrefix"/>, grouped by their first <paramref name="groupLength"/> digits,
    /// in one set-based query: what a module's region counter answers.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> CountByPrefixAsync(this IQueryable<string> codes, string codePrefix, int groupLength,
        CancellationToken cancellationToken = default) =>
        await codes
            .Where(code => code.StartsWith(codePrefix))
            .GroupBy(code => code.Substring(0, groupLength))
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
