using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.Residents.Domain;

/// <summary>One population tag of a resident, valid from <see cref="StartDate"/> until <see cref="EndDate"/> (open when null).</summary>
internal sealed class PopulationTag
{
    public long Id { get; set; }
    public long ResidentId { get; set; }
    /// <summary>The resident's community code, so tags are scope-filtered in the same one place as residents.</summary>
    public required string CommunityCode { get; set; }
    public PopulationTagKind Tag { get; set; }
    /// <summary>Disability grade 1 (most severe) to 4; only for <see cref="PopulationTagKind.Disabled"/>.</summary>
    public int? Grade { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);
}
