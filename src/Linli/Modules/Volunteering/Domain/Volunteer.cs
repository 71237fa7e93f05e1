namespace Linli.Modules.Volunteering.Domain;

/// <summary>
/// A registered volunteer (注册志愿者): a resident of the pool, registered once (a unique index on the resident), serving a
/// community (the scope filter's code), with skills from <see cref="Skills"/> and, for a party member reporting to the
/// community (在职党员进社区报到), the branch and the unit they work in.
/// </summary>
internal sealed class Volunteer
{
    public long Id { get; set; }
    public long ResidentId { get; set; }
    /// <summary>Real name as the resident pool has it at registration.</summary>
    public required string Name { get; set; }
    /// <summary>The community the resident lives in (from the pool).</summary>
    public required string HomeCommunityCode { get; set; }
    /// <summary>12-digit code of the community the volunteer serves; scopes every read.</summary>
    public required string CommunityCode { get; set; }
    public Skill Skills { get; set; }
    public bool IsPartyMember { get; set; }
    /// <summary>党支部 of a party member.</summary>
    public string? PartyBranch { get; set; }
    /// <summary>工作单位 of a party member working elsewhere.</summary>
    public string? WorkUnit { get; set; }
    /// <summary>The volunteer's own sign-in (an account of the volunteer role), for claiming orders themselves; unique.</summary>
    public string? AccountUserName { get; set; }
    public DateTime RegisteredAt { get; set; }
    public required string RegisteredBy { get; set; }
}
