using Linli.Platform.DueTimes;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>A case's stored due time (Platform/DueTimes keeps the clock); <see cref="RatingId"/> for a 差评 follow-up.</summary>
internal sealed class CaseDueTime : DueTime
{
    public long CaseId { get; set; }
    /// <summary>Set when started with a case not yet saved (intake).</summary>
    public ServiceCase? Case { get; set; }
    public CaseDueKind Kind { get; set; }
    public long? RatingId { get; set; }
    /// <summary>Set when started with a rating not yet saved (a 差评 and its follow-up are saved together).</summary>
    public CaseRating? Rating { get; set; }
}
