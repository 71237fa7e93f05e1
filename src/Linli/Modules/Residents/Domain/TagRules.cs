using System.Globalization;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Errors;

namespace Linli.Modules.Residents.Domain;

/// <summary>A tag as entered (API body or import cell), before it is checked against the resident.</summary>
internal sealed record TagInput(PopulationTagKind Tag, int? Grade, DateOnly? StartDate, DateOnly? EndDate);

/// <summary>The rules every tag on a resident follows, whichever way it arrives.</summary>
internal static class TagRules
{
    /// <summary>Null when the tag fits the resident; otherwise what is wrong.</summary>
    public static Phrase? Problem(TagInput tag, DateOnly birthDate, DateOnly today)
    {
        if (!Enum.IsDefined(tag.Tag)) return new("未知的人群标签。");
        if (tag.Tag == PopulationTagKind.Disabled && tag.Grade is not (>= 1 and <= 4)) return new("残疾标签需要 1–4 级的残疾等级。");
        if (tag.Tag != PopulationTagKind.Disabled && tag.Grade is not null) return new("只有残疾标签有等级（{0}没有）。", new Phrase(Labels.Of(tag.Tag)));
        if (tag.EndDate is { } end && end < (tag.StartDate ?? today)) return new("标签的结束日期早于开始日期。");
        if (tag.StartDate is { } start && start < birthDate) return new("标签的开始日期早于出生日期。");
        var age = AgeTags.AgeOn(birthDate, today);
        var ageThisYear = AgeTags.AgeThisYear(birthDate.Year, today);
        if (tag.Tag == PopulationTagKind.Elderly60 && ageThisYear < 60) return new("60岁以上标签与出生日期不符。");
        if (tag.Tag == PopulationTagKind.Elderly80 && ageThisYear < 80) return new("80岁以上标签与出生日期不符。");
        if (tag.Tag is PopulationTagKind.LeftBehindChild or PopulationTagKind.Orphan && age >= 18 && tag.EndDate is null)
            return new("{0}标签只适用于未满 18 岁的居民。", new Phrase(Labels.Of(tag.Tag)));
        return null;
    }

    /// <summary>The tags to store: those given (already checked) plus the age tags that follow from the birth year.</summary>
    public static List<PopulationTag> Build(IEnumerable<TagInput> given, DateOnly birthDate, DateOnly today, string communityCode)
    {
        var tags = AgeTags.For(birthDate.Year, today)
            .Select(a => new PopulationTag { CommunityCode = communityCode, Tag = a.Tag, StartDate = a.Start })
            .ToList();
        foreach (var t in given)
        {
            if (t.Tag is PopulationTagKind.Elderly60 or PopulationTagKind.Elderly80) continue; // derived above
            tags.Add(new PopulationTag
            {
                CommunityCode = communityCode, Tag = t.Tag, Grade = t.Grade,
                StartDate = ConcealStart(t.StartDate ?? today, birthDate), EndDate = t.EndDate is { } end ? ConcealEnd(end, birthDate) : null,
            });
        }
        return tags;
    }

    /// <summary>
    /// A tag's start as stored and shown. A start in the birth year (a disability from birth) or on a birthday (a
    /// discharge on the 22nd birthday) would tell the birth day to anyone who reads the tag, so such a start is kept to
    /// its year: 1 January. Every other date stays as given.
    /// </summary>
    public static DateOnly ConcealStart(DateOnly start, DateOnly birthDate) =>
        start.Year == birthDate.Year || IsBirthday(start, birthDate) ? new DateOnly(start.Year, 1, 1) : start;

    /// <summary>A tag's end as stored and shown: an end on a birthday (a child's tag ending at 18) is kept to its year, 31 December.</summary>
    public static DateOnly ConcealEnd(DateOnly end, DateOnly birthDate) =>
        end.Year == birthDate.Year || IsBirthday(end, birthDate) ? new DateOnly(end.Year, 12, 31) : end;

    private static bool IsBirthday(DateOnly day, DateOnly birthDate) => day.Year > birthDate.Year && birthDate.AddYears(day.Year - birthDate.Year) == day;

    /// <summary>
    /// Parses an import cell: tags separated by ";" (or "；", "|"), each "标签[:等级][@开始日期][~结束日期]",
    /// e.g. "残疾:2;低保@2021-03-01~2023-12-31". Null result with an error message when a part is not understood.
    /// </summary>
    public static List<TagInput>? Parse(string cell, out Phrase? error)
    {
        error = null;
        var result = new List<TagInput>();
        foreach (var raw in cell.Split([';', '；', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw;
            DateOnly? start = null, end = null;
            var tilde = part.IndexOf('~');
            if (tilde >= 0)
            {
                if (!TryDate(part[(tilde + 1)..], out var e)) { error = new("标签“{0}”的结束日期无法识别（应为 yyyy-MM-dd）。", raw); return null; }
                end = e;
                part = part[..tilde];
            }
            var at = part.IndexOf('@');
            if (at >= 0)
            {
                if (!TryDate(part[(at + 1)..], out var s)) { error = new("标签“{0}”的开始日期无法识别（应为 yyyy-MM-dd）。", raw); return null; }
                start = s;
                part = part[..at];
            }
            int? grade = null;
            var colon = part.IndexOfAny([':', '：']);
            if (colon >= 0)
            {
                if (!int.TryParse(part[(colon + 1)..].Trim().TrimEnd('级'), NumberStyles.None, CultureInfo.InvariantCulture, out var g))
                {
                    error = new("标签“{0}”的等级无法识别。", raw);
                    return null;
                }
                grade = g;
                part = part[..colon];
            }
            if (!Labels.TryParseTag(part, out var tag)) { error = new("未知的人群标签“{0}”。", part.Trim()); return null; }
            result.Add(new TagInput(tag, grade, start, end));
        }
        return result;
    }

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd", "yyyy.M.d"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
