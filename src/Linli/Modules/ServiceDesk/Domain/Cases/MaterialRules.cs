using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>The rules about a case's materials: what the platform supplies, what blocks acceptance, what a second notice may ask.</summary>
internal static class MaterialRules
{
    /// <summary>
    /// Whether the platform can supply <paramref name="proof"/> for the applicant itself (免提交): identity, residence and
    /// age from the resident pool, dibao, tekun and disability from the applicant's active tags. A person new to the pool
    /// (no card) brings everything.
    /// </summary>
    public static bool CanSupply(SuppliedProof proof, ResidentCard? applicant) => applicant is not null && proof switch
    {
        SuppliedProof.Identity or SuppliedProof.Residence or SuppliedProof.Age => true,
        SuppliedProof.Dibao => applicant.ActiveTags.Contains(PopulationTagKind.Dibao),
        SuppliedProof.Tekun => applicant.ActiveTags.Contains(PopulationTagKind.Tekun),
        SuppliedProof.Disability => applicant.ActiveTags.Contains(PopulationTagKind.Disabled),
        _ => false,
    };

    /// <summary>
    /// A material's status at 收件, for every channel (window, online, check-in): supplied by the platform when it is a
    /// 免提交 proof the platform can supply for this applicant; otherwise received when handed in (at the window, or as
    /// files online); otherwise missing when mandatory, not needed when not. A 免提交 proof the platform cannot supply
    /// (a person new to the pool, or without the tag) is asked for like any other material.
    /// </summary>
    public static MaterialStatus AtReceipt(SuppliedProof proof, bool mandatory, bool handedIn, ResidentCard? applicant) =>
        proof != SuppliedProof.None && CanSupply(proof, applicant) ? MaterialStatus.Supplied
        : handedIn ? MaterialStatus.Received
        : mandatory ? MaterialStatus.Missing : MaterialStatus.NotNeeded;

    /// <summary>A material that stands in the way of 受理: mandatory and neither received, supplied nor deferred under a commitment (容缺).</summary>
    public static bool BlocksAcceptance(CaseMaterial material) =>
        material.Mandatory && material.Status is not (MaterialStatus.Received or MaterialStatus.Supplied or MaterialStatus.NotNeeded)
                           && !(material.Status == MaterialStatus.Deferred && material.AcceptLater && material.CommitmentDueAt is not null);

    /// <summary>What a notice must list: every material missing or defective (a deferred one is promised, not missing).</summary>
    public static bool NeedsNotice(CaseMaterial material) => material.Status is MaterialStatus.Missing or MaterialStatus.Defective;

    /// <summary>
    /// The materials a further notice asks for that the earlier notices did not: a second notice may only repeat what was
    /// asked (the applicant brought it wrong again), never add to it — unless the item's version changed since.
    /// </summary>
    public static IReadOnlyList<long> NewDemands(IEnumerable<CaseNotice> earlier, IEnumerable<long> asked, long currentVersionId)
    {
        var notices = earlier.ToList();
        if (notices.Count == 0 || notices.Any(n => n.ItemVersionId != currentVersionId)) return [];
        var before = notices.SelectMany(n => n.Items).Select(i => i.MaterialId).ToHashSet();
        return asked.Where(id => !before.Contains(id)).Distinct().ToList();
    }
}
