using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.Residents.Domain;

/// <summary>
/// Tags that follow from the birth year alone. Like population statistics, "60岁以上" counts the age a person reaches in
/// the calendar year: the tag starts on 1 January of the year they turn 60 (80 for "80岁以上"). The birth day is not
/// needed, and no tag date gives it away.
/// </summary>
internal static class AgeTags
{
    public static IEnumerable<(PopulationTagKind Tag, DateOnly Start)> For(int birthYear, DateOnly today)
    {
        if (birthYear + 60 <= today.Year) yield return (PopulationTagKind.Elderly60, new DateOnly(birthYear + 60, 1, 1));
        if (birthYear + 80 <= today.Year) yield return (PopulationTagKind.Elderly80, new DateOnly(birthYear + 80, 1, 1));
    }

    /// <summary>The age reached in the year of <paramref name="day"/> (今年满 N 岁): what is shown, and what the age tags count.</summary>
    public static int AgeThisYear(int birthYear, DateOnly day) => day.Year - birthYear;

    /// <summary>The exact age, for the checks made while the full ID number is at hand (creation and import).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if (birthDate.AddYears(age) > day) age--;
        return age;
    }
}
