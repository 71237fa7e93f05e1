using Linli.Modules.Organizations.Contracts;

namespace Linli.Modules.Organizations.Domain;

/// <summary>A community social organization (社区社会组织), registered or filed with one community.</summary>
internal sealed class SocialOrganization
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public SocialOrganizationKind Kind { get; set; }
    /// <summary>12-digit code of the community it belongs to.</summary>
    public required string CommunityCode { get; set; }
    public DateTime RegisteredAt { get; set; }
    /// <summary>Made by the synthetic city generator, not by a real registration.</summary>
    public bool IsSynthetic { get; set; }
}
