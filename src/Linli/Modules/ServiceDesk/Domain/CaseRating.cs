namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>
/// An applicant's rating of a case at one stage (收件, 受理 or 办结). Never forced or defaulted: a case without a rating
/// has no row. A 差评 opens a follow-up the owner must record by <see cref="FollowUpDueAt"/>.
/// </summary>
internal sealed class CaseRating
{
    public long Id { get; set; }
    public long CaseId { get; set; }

    /// <summary>The state the case was in when rated (Received, Accepted or HandedOver).</summary>
    public CaseState Stage { get; set; }

    public RatingLevel Level { get; set; }
    public string? Comment { get; set; }
    public DateTime RatedAt { get; set; }

    /// <summary>Copied from the case for statistics by place (the rating belongs to where it was handled).</summary>
    public required string AcceptingCommunityCode { get; set; }

    public bool IsPoor => Level <= RatingLevel.Dissatisfied;

    /// <summary>For a 差评: when the follow-up call is due; null otherwise.</summary>
    public DateTime? FollowUpDueAt { get; set; }

    /// <summary>What the owner did on the follow-up, and when; null while it is open.</summary>
    public string? FollowUpNote { get; set; }
    public DateTime? FollowUpAt { get; set; }

    /// <summary>The applicant's rating of the follow-up, if they gave one.</summary>
    public RatingLevel? FollowUpLevel { get; set; }

    public bool FollowUpOverdue { get; set; }
}
