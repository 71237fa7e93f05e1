using Linli.Modules.Requests.Domain;

namespace Linli.Modules.Requests.Features.Classification;

/// <summary>
/// The classifier's reference data read straight from data/ (no database): the labelled messages, the shipped category
/// tree (ids in file order, seed keys as at startup), its everyday words and the user dictionary for jieba. The bench,
/// the tests and the first model at startup use it.
/// </summary>
internal static class ShippedData
{
    /// <summary>Words jieba should keep whole in citizens' messages about their city and its services.</summary>
    public static readonly string[] GovernanceTerms =
    [
        "物业费", "物业公司", "业主委员会", "违章建筑", "违建", "拆迁", "安置房", "回迁", "棚户区", "老旧小区", "供暖费", "暖气费",
        "燃气费", "井盖", "路灯", "油烟", "噪音扰民", "扰民", "渣土车", "占道经营", "公交车", "出租车", "网约车", "共享单车",
        "社保卡", "医保卡", "养老保险", "医疗保险", "失业保险", "公积金", "拖欠工资", "农民工", "劳动合同", "最低工资", "退休金",
        "义务教育", "学区房", "学位", "入学", "转学", "补课", "培训机构", "幼儿园", "食品安全", "假冒伪劣", "消费者", "传销",
        "乱收费", "价格欺诈", "污水", "排污", "垃圾分类", "环保局", "卫健委", "疫苗", "计划生育", "二孩", "医患", "医疗纠纷",
        "居委会", "村委会", "街道办", "网格员", "12345", "市民热线",
    ];

    public static List<LabelledText> Labelled(string folder) =>
        LabelledFile.Parse(File.ReadLines(Path.Combine(folder, LabelledFile.File)));

    /// <summary>The districts, streets and communities of data/shenyang-regions-2023.csv, as the recognizer takes them (tests and bench).</summary>
    public static IEnumerable<PlaceRecognition.PlaceEntry> Regions(string folder) =>
        File.ReadLines(Path.Combine(folder, "shenyang-regions-2023.csv")).Skip(1).Select(l => l.Split(',')).Where(p => p.Length >= 5)
            .Select(p => (p, depth: p[2] switch { "district" => 1, "street" => 2, "community" => 3, _ => 0 })).Where(x => x.depth > 0)
            .Select(x => new PlaceRecognition.PlaceEntry(x.p[0], x.p[1], x.depth, x.depth == 1 ? null : x.p[4]));

    public static EverydayWords Words(string folder) => EverydayWords.Parse(File.ReadLines(Path.Combine(folder, EverydayWords.File)));

    public static CategoryTree Tree(string folder)
    {
        var categories = new Dictionary<string, Category>(StringComparer.Ordinal);
        foreach (var parts in File.ReadLines(Path.Combine(folder, "request-categories-3level.csv")).Skip(1).Select(l => l.Split(',')).Where(p => p.Length == 3))
            for (var level = 1; level <= Category.LeafLevel; level++)
            {
                var key = string.Join('/', parts.Take(level));
                if (categories.ContainsKey(key)) continue;
                var parent = level == 1 ? null : categories[string.Join('/', parts.Take(level - 1))];
                categories[key] = new Category { Id = categories.Count + 1, Name = parts[level - 1].Trim(), Level = level, SeedKey = key, ParentId = parent?.Id };
            }
        return new CategoryTree(categories.Values);
    }

    /// <summary>Region names of data/shenyang-regions-2023.csv (with their suffix-less forms), category names and governance terms.</summary>
    public static IEnumerable<string> UserWords(string folder, CategoryTree tree)
    {
        var regions = File.ReadLines(Path.Combine(folder, "shenyang-regions-2023.csv")).Skip(1).Select(l => l.Split(','))
            .Where(p => p.Length >= 2).Select(p => p[1].Trim());
        foreach (var name in regions)
        {
            yield return name;
            foreach (var form in PlaceRecognition.PlaceNames.ShortForms(name)) yield return form;
        }
        foreach (var c in tree.All) yield return c.Name;
        foreach (var t in GovernanceTerms) yield return t;
    }
}
