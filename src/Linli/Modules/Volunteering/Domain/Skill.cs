namespace Linli.Modules.Volunteering.Domain;

/// <summary>The fixed list of volunteer skills (服务技能). A volunteer's skills are stored as a set of these bits.</summary>
[Flags]
internal enum Skill
{
    ElderlyCare = 1,
    Tutoring = 2,
    Repairs = 4,
    Medical = 8,
    Legal = 16,
    Psychological = 32,
    Translation = 64,
    Driving = 128,
}

/// <summary>The Chinese label of each skill (the English one is the resource file's), and the set's conversions.</summary>
internal static class Skills
{
    public static readonly IReadOnlyList<(Skill Skill, string Label)> All =
    [
        (Skill.ElderlyCare, "助老服务"),
        (Skill.Tutoring, "课业辅导"),
        (Skill.Repairs, "家电维修"),
        (Skill.Medical, "医疗健康"),
        (Skill.Legal, "法律咨询"),
        (Skill.Psychological, "心理疏导"),
        (Skill.Translation, "翻译"),
        (Skill.Driving, "驾驶接送"),
    ];

    public static string Label(Skill skill) => All.First(s => s.Skill == skill).Label;

    /// <summary>Whether <paramref name="skill"/> is exactly one skill of the list (not a combination, not an unknown number).</summary>
    public static bool IsOne(Skill skill) => All.Any(s => s.Skill == skill);

    public static Skill SetOf(IEnumerable<Skill> skills) => skills.Aggregate((Skill)0, (set, s) => set | s);

    public static IReadOnlyList<Skill> Of(Skill set) => All.Where(s => (set & s.Skill) != 0).Select(s => s.Skill).ToList();
}
