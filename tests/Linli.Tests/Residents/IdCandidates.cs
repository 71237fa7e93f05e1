using Linli.Modules.Residents.Contracts;
using Linli.Platform.PersonalData;

namespace Linli.Tests.Residents;

/// <summary>What someone without the reveal permission can see of one resident, from a response or a database row.</summary>
internal sealed record VisiblePerson(string CommunityCode, string IdNumberMask, int BirthYear, Gender Gender, IReadOnlyList<DateOnly> OtherDates);

/// <summary>
/// Reconstructs the ID numbers that fit what is visible, from the structure of GB 11643-1999: a 6-digit area code
/// (those of the resident's district, or every one the mask leaves open), an 8-digit birth date (every day of the visible
/// birth year), a 3-digit sequence (odd for men, even for women) and the check character, which follows from the rest
/// (so it narrows nothing unless the mask shows it). Every position the mask shows must match.
/// </summary>
internal static class IdCandidates
{
    public static IReadOnlyList<string> AreaCodes(VisiblePerson person)
    {
        var district = person.CommunityCode[..6];
        var shown = person.IdNumberMask.TakeWhile(c => c != '*').Count();
        if (district.AsSpan(0, Math.Min(shown, 6)).SequenceEqual(person.IdNumberMask.AsSpan(0, Math.Min(shown, 6)))) return [district];
        // Registered elsewhere: every area code that starts as the mask does.
        var prefix = person.IdNumberMask[..Math.Min(shown, 6)];
        var open = 6 - prefix.Length;
        return Enumerable.Range(0, (int)Math.Pow(10, open)).Select(n => prefix + n.ToString("D" + open, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    }

    public static IEnumerable<string> Enumerate(VisiblePerson person)
    {
        var first = new DateOnly(person.BirthYear, 1, 1);
        var days = DateTime.IsLeapYear(person.BirthYear) ? 366 : 365;
        foreach (var area in AreaCodes(person))
            for (var d = 0; d < days; d++)
                for (var sequence = person.Gender == Gender.Male ? 1 : 0; sequence <= 999; sequence += 2)
                {
                    var id = IdNumber.Compose(area, first.AddDays(d), sequence);
                    if (Fits(person.IdNumberMask, id)) yield return id;
                }
    }

    private static bool Fits(string mask, string id)
    {
        if (mask.Length != id.Length) return false;
        for (var i = 0; i < mask.Length; i++)
            if (mask[i] != '*' && mask[i] != id[i]) return false;
        return true;
    }

    /// <summary>
    /// Dates shown beside the person that repeat the birthday (a tag starting on the 60th birthday, a discharge on the
    /// 22nd): each would tell the birth day. 1 January and 31 December are the year-level values and tell nothing.
    /// </summary>
    public static IReadOnlyList<DateOnly> BirthdayEchoes(VisiblePerson person, DateOnly birthDate) =>
        person.OtherDates.Where(d => !(d.Month == 1 && d.Day == 1) && !(d.Month == 12 && d.Day == 31))
            .Where(d => d.Month == birthDate.Month && d.Day == birthDate.Day).ToList();
}
