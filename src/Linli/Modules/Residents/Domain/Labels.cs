using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.Residents.Domain;

/// <summary>Chinese names of the module's codes (UI keys for the localizer) and the spellings an import file may use.</summary>
internal static class Labels
{
    public static string Of(Gender gender) => gender == Gender.Male ? "男" : "女";

    public static string Of(RelationToHead relation) => relation switch
    {
        RelationToHead.Head => "户主",
        RelationToHead.Spouse => "配偶",
        RelationToHead.Child => "子女",
        RelationToHead.Parent => "父母",
        RelationToHead.Grandchild => "孙子女",
        RelationToHead.Grandparent => "祖父母",
        RelationToHead.Sibling => "兄弟姐妹",
        _ => "其他",
    };

    public static string Of(PopulationTagKind tag) => tag switch
    {
        PopulationTagKind.Elderly60 => "60岁以上",
        PopulationTagKind.Elderly80 => "80岁以上",
        PopulationTagKind.LivingAlone => "独居",
        PopulationTagKind.Disabled => "残疾",
        PopulationTagKind.Dibao => "低保",
        PopulationTagKind.Tekun => "特困",
        PopulationTagKind.LeftBehindChild => "留守儿童",
        PopulationTagKind.Orphan => "孤儿",
        PopulationTagKind.Veteran => "退役军人",
        _ => tag.ToString(),
    };

    public static bool TryParseGender(string text, out Gender gender)
    {
        gender = default;
        switch (text.Trim().ToLowerInvariant())
        {
            case "男" or "m" or "male" or "1": gender = Gender.Male; return true;
            case "女" or "f" or "female" or "2": gender = Gender.Female; return true;
            default: return false;
        }
    }

    public static bool TryParseRelation(string text, out RelationToHead relation)
    {
        var t = text.Trim();
        foreach (var r in Enum.GetValues<RelationToHead>())
        {
            if (Of(r) == t || r.ToString().Equals(t, StringComparison.OrdinalIgnoreCase)) { relation = r; return true; }
        }
        relation = t switch
        {
            "本人" => RelationToHead.Head,
            "妻" or "夫" or "妻子" or "丈夫" => RelationToHead.Spouse,
            "子" or "女" or "儿子" or "女儿" => RelationToHead.Child,
            "父亲" or "母亲" => RelationToHead.Parent,
            "孙子" or "孙女" or "外孙子" or "外孙女" => RelationToHead.Grandchild,
            _ => default,
        };
        return relation != default;
    }

    public static bool TryParseTag(string text, out PopulationTagKind tag)
    {
        var t = text.Trim();
        foreach (var k in Enum.GetValues<PopulationTagKind>())
        {
            if (Of(k) == t || k.ToString().Equals(t, StringComparison.OrdinalIgnoreCase)) { tag = k; return true; }
        }
        tag = t switch
        {
            "60+" or "老年人" => PopulationTagKind.Elderly60,
            "80+" or "高龄" or "高龄老人" => PopulationTagKind.Elderly80,
            "独居老人" => PopulationTagKind.LivingAlone,
            "残疾人" => PopulationTagKind.Disabled,
            "最低生活保障" => PopulationTagKind.Dibao,
            "特困供养" or "特困人员" => PopulationTagKind.Tekun,
            "退役" => PopulationTagKind.Veteran,
            _ => default,
        };
        return tag != default;
    }
}
