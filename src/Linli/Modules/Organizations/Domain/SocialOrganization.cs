using System.Linq.Expressions;
using Linli.Modules.Organizations.Contracts;

namespace Linli.Modules.Organizations.Domain;

/// <summary>A community social organization (社区社会组织), registered or filed with one community, until it is dissolved.</summary>
internal sealed class SocialOrganization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public SocialOrganizationKind Kind { get; set; }
    /// <summary>12-digit code of the community it belongs to.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>The day it was registered or filed (登记/备案).</summary>
    public DateOnly RegisteredOn { get; set; }
    /// <summary>The day it was dissolved (注销), no longer active on it; null while active.</summary>
    public DateOnly? DissolvedOn { get; set; }
    /// <summary>Made by the synthetic city generator, not by a real registration.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>Active at the end of <paramref name="day"/>; an expression, so the measures' SQL uses the one rule.</summary>
    public static Expression<Func<SocialOrganization, bool>> ActiveAt(DateOnly day) =>
        o => o.RegisteredOn <= day && (o.DissolvedOn == null || o.DissolvedOn > day);
}
