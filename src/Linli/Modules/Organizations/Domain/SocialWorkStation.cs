using System.Linq.Expressions;

namespace Linli.Modules.Organizations.Domain;

/// <summary>
/// A social-work service station (社会工作服务站) of a street or town: the plan wants one in every street and town
/// (data/indicators-2021-2025.json, 10 and 11). A station that moves is closed and another opened.
/// </summary>
internal sealed class SocialWorkStation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>9-digit code of the street or town it serves.</summary>
    public required string StreetCode { get; set; }
    public DateOnly OpenedOn { get; set; }
    /// <summary>The day it closed (not open on it); null while open.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Made by the synthetic city generator.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>Open at the end of <paramref name="day"/>.</summary>
    public static Expression<Func<SocialWorkStation, bool>> OpenAt(DateOnly day) =>
        s => s.OpenedOn <= day && (s.ClosedOn == null || s.ClosedOn > day);
}
