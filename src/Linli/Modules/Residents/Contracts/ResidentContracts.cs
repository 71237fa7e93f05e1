namespace Linli.Modules.Residents.Contracts;

/// <summary>Sex as coded in the ID number (GB 11643: odd sequence = male, even = female).</summary>
public enum Gender { Male = 1, Female = 2 }

/// <summary>A member's relation to the head of the household (与户主关系).</summary>
public enum RelationToHead { Head = 1, Spouse, Child, Parent, Grandchild, Grandparent, Sibling, Other }

/// <summary>Population tags (人群标签) of the resident pool; each tag on a resident has a start and an optional end date.</summary>
public enum PopulationTagKind
{
    /// <summary>60 岁以上老年人.</summary>
    Elderly60 = 1,
    /// <summary>80 岁以上高龄老人.</summary>
    Elderly80,
    /// <summary>独居老人.</summary>
    LivingAlone,
    /// <summary>残疾人, with grade 1–4.</summary>
    Disabled,
    /// <summary>最低生活保障.</summary>
    Dibao,
    /// <summary>特困供养.</summary>
    Tekun,
    /// <summary>留守儿童.</summary>
    LeftBehindChild,
    /// <summary>孤儿.</summary>
    Orphan,
    /// <summary>退役军人.</summary>
    Veteran,
}

/// <summary>
/// What another module may know of a resident: numbers masked, never in full, and the birth year, never the birth date
/// (with the date beside the mask the ID number could be worked out).
/// </summary>
public sealed record ResidentCard(
    long Id, long HouseholdId, string CommunityCode, string? GridCode, string Name, string IdNumberMasked,
    Gender Gender, int BirthYear, IReadOnlyList<PopulationTagKind> ActiveTags);

/// <summary>Reads the resident pool within the caller's area scope; outside it a resident does not exist.</summary>
public interface IResidentDirectory
{
    Task<ResidentCard?> FindAsync(long residentId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Exact match on the ID number through its keyed hash (the number is never stored in clear). A search by number
    /// like the resident search's: the caller needs the reveal permission, it counts against the caller's hourly budget
    /// and is written to the audit log.
    /// </summary>
    Task<ResidentCard?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken = default);

    /// <summary>
    /// An applicant at a service desk (全市通办): any community may receive any resident's application, so the person who
    /// presents their ID card is found by its number whatever the caller's area. Only the card is answered (masked
    /// number, name, community, active tags), never the record; counted and audited like a search by number.
    /// </summary>
    Task<ResidentCard?> FindApplicantAsync(string idNumber, CancellationToken cancellationToken = default);
}

/// <summary>
/// A synthetic resident as another module's part of the synthetic city needs them to apply for something: the ID number
/// exactly as the platform stores it (AES-GCM cipher, keyed hash, mask), never in clear, and the tags active today.
/// </summary>
public sealed record SyntheticApplicant(long Id, string CommunityCode, string Name, byte[] IdNumberCipher, byte[] IdNumberHash, string IdNumberMasked,
    int BirthYear, IReadOnlyList<PopulationTagKind> ActiveTags);

/// <summary>For seeders only (no caller, no scope): synthetic residents to stand as applicants in other modules' histories.</summary>
public interface ISyntheticResidents
{
    /// <summary>
    /// About <paramref name="count"/> synthetic residents taken evenly over the whole pool (every n-th by id), so that each
    /// community appears in proportion to its population.
    /// </summary>
    Task<IReadOnlyList<SyntheticApplicant>> SampleAsync(int count, CancellationToken cancellationToken = default);
}

/// <summary>Households and residents living in one community now (the pool has no moving dates).</summary>
public sealed record CommunityPopulation(string CommunityCode, long Households, long Residents);

/// <summary>The pool's size per community, for standards measured per 100 households or per resident (Facilities).</summary>
public interface ICommunityPopulation
{
    /// <summary>Every community under the region-code prefix with anyone living in it, from the per-unit counts in one grouped query.</summary>
    Task<IReadOnlyDictionary<string, CommunityPopulation>> PerCommunityAsync(string codePrefix, CancellationToken cancellationToken = default);
}
