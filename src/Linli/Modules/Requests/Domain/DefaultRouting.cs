namespace Linli.Modules.Requests.Domain;

/// <summary>
/// The rules a fresh install starts with: first-level (and, where the name says more, lower-level) classes map to the
/// department whose work they name; everything else goes to the community where it happened.
/// </summary>
internal static class DefaultRouting
{
    // Checked against the leaf's own name first, then its parent's, then the first-level class: the most specific name wins.
    private static readonly (string[] Keywords, string Department)[] Keywords =
    [
        (["燃气"], "gas"),
        (["电力", "供电"], "power"),
        (["自来水", "供水", "排水", "水利", "水务"], "water"),
        (["采暖", "供热", "供暖", "暖气"], "heating"),
        (["安全生产", "安全隐患", "事故", "应急", "消防", "救灾"], "emergency"),
        (["交通管理", "社会治安", "户籍", "刑案", "治安", "警务"], "police"),
        (["城管", "环境卫生", "园林", "市政", "公共设施", "公园"], "urban_management"),
        (["住房", "房地产", "房屋", "物业", "小区", "建筑", "工程质量", "规划", "村镇建设"], "housing"),
        (["环境", "污染", "环保"], "environment"),
        (["交通", "公共汽车", "出租车", "客货运输", "地铁", "道路"], "transport"),
        (["食品药品", "市场", "商业", "质监", "价格", "旅游", "商贸"], "market_regulation"),
        (["卫生", "医", "计生"], "health"),
        (["教育", "学", "考试", "教师", "文化", "体育", "文物"], "education"),
        (["劳动", "社会保险", "社保", "就业", "工资", "退休"], "human_resources"),
        (["民政", "救助", "优抚", "福利", "养老", "社会服务", "复退", "民间组织"], "civil_affairs"),
    ];

    /// <summary>The department for a leaf given its path names (leaf last), among the departments that exist; null = the community.</summary>
    public static string? DepartmentFor(IReadOnlyList<string> pathLeafLast, IReadOnlySet<string> departments)
    {
        for (var i = pathLeafLast.Count - 1; i >= 0; i--)
        foreach (var (keywords, department) in Keywords)
        {
            if (departments.Contains(department) && keywords.Any(k => pathLeafLast[i].Contains(k, StringComparison.Ordinal)))
                return department;
        }
        return null;
    }

    public static RoutingRule For(int categoryId, string? departmentCode, DateTime now) => new()
    {
        CategoryId = categoryId, Version = 1, IsCurrent = true, DepartmentCode = departmentCode,
        SignHoursUrgent = 1, SignHoursNormal = 2,
        FinishDaysUrgent = 1, FinishDaysNormal = 5,
        DuplicateRadiusMeters = RoutingRule.DefaultDuplicateRadiusMeters,
        CreatedAt = now, CreatedBy = "system",
    };
}
