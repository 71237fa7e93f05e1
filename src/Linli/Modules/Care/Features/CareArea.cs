using Linli.Platform.Auth;
using Linli.Platform.Errors;

namespace Linli.Modules.Care.Features;

/// <summary>
/// The area a care list is asked for, inside the caller's: none asked, or a wider one, is the caller's own (a grid
/// worker's is their community); an area outside the caller's (or a caller without one) is a 404, like a record that does not exist.
/// </summary>
internal static class CareArea
{
    public static string Of(IAreaScope scope, string? region)
    {
        var own = scope.CommunityPrefix ?? throw new NotFoundException("没有可查看的辖区。");
        var asked = region?.Trim();
        if (string.IsNullOrEmpty(asked)) return own;
        if (asked.All(char.IsAsciiDigit))
        {
            // A wider area than the caller's (their district, asked by a community worker) is the caller's own part of it.
            if (own.StartsWith(asked, StringComparison.Ordinal)) return own;
            if (asked.StartsWith(own, StringComparison.Ordinal)) return asked.Length > 12 ? asked[..12] : asked;
        }
        throw new NotFoundException("辖区 {0} 不在您的管辖范围内。", asked);
    }

    /// <summary>A time as bound from a request (UTC, local or unspecified: taken as UTC) in UTC, as the roster stores times.</summary>
    public static DateTime Utc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };

    /// <summary>
    /// A resident asked for who is not on the roster: a 409 when the pool has them in the caller's area (no special-group
    /// tag, so nothing to visit), otherwise a 404 like any record outside the area.
    /// </summary>
    public static async Task<Exception> NotOnRosterAsync(Residents.Contracts.ICareRoster roster, long residentId, CancellationToken ct) =>
        (await roster.CardsAsync([residentId], ct)).ContainsKey(residentId)
            ? new ConflictException(new Phrase("居民 {0} 不在关爱名册上：没有特殊群体标签。", residentId))
            : new NotFoundException("关爱对象 {0} 不存在。", residentId);
}
