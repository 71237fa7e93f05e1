using Linli.Modules.Residents.Contracts;
using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>
/// Who may apply for an item (its 申请条件 as data: a minimum age and a population tag). The age follows from the birth
/// date of the ID number presented, at the day of receipt; the tag is checked against the resident pool when the
/// applicant is in it. A person new to the pool cannot be checked against a tag: their proof is the item's material.
/// </summary>
internal static class EligibilityRules
{
    /// <summary>The tags' names as the interface says them (keys of the shared localizer).</summary>
    private static readonly IReadOnlyDictionary<PopulationTagKind, string> TagNames = new Dictionary<PopulationTagKind, string>
    {
        [PopulationTagKind.Elderly60] = "60 岁以上老年人", [PopulationTagKind.Elderly80] = "80 岁以上高龄老人", [PopulationTagKind.LivingAlone] = "独居老人",
        [PopulationTagKind.Disabled] = "残疾人", [PopulationTagKind.Dibao] = "低保对象", [PopulationTagKind.Tekun] = "特困人员",
        [PopulationTagKind.LeftBehindChild] = "留守儿童", [PopulationTagKind.Orphan] = "孤儿", [PopulationTagKind.Veteran] = "退役军人",
    };

    /// <summary>Full years of age on <paramref name="day"/>.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day) =>
        day.Year - birthDate.Year - (day.Month < birthDate.Month || (day.Month == birthDate.Month && day.Day < birthDate.Day) ? 1 : 0);

    /// <summary>Why the applicant may not apply, or null when they may (or the pool cannot tell).</summary>
    /// <param name="tags">The applicant's active tags in the pool; null for a person not in it.</param>
    public static Phrase? Problem(int? minimumAge, PopulationTagKind? requiredTag, DateOnly birthDate, DateOnly today, IReadOnlyCollection<PopulationTagKind>? tags)
    {
        if (minimumAge is { } minimum && AgeOn(birthDate, today) < minimum)
            return new Phrase("申请人未满 {0} 周岁，不符合此事项的申请条件。", minimum);
        if (requiredTag is { } tag && tags is not null && !tags.Contains(tag))
            return new Phrase("申请人在居民信息库中不是{0}，不符合此事项的申请条件；情况有变的，请先由社区更新居民信息。",
                new Phrase(TagNames.GetValueOrDefault(tag, "其他")));
        return null;
    }
}
