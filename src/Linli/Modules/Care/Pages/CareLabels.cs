using Linli.Modules.Care.Domain;
using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.Care.Pages;

/// <summary>The Chinese names of the care codes, for the pages (translated through the shared resources like every text).</summary>
internal static class CareLabels
{
    public static string Of(RiskTier tier) => tier switch
    {
        RiskTier.High => "高风险",
        RiskTier.Priority => "重点",
        _ => "一般",
    };

    public static string Of(VisitMethod method) => method switch
    {
        VisitMethod.Home => "上门",
        VisitMethod.Phone => "电话",
        VisitMethod.Video => "视频",
        _ => "邻里代访",
    };

    public static string Of(Condition condition) => condition switch
    {
        Condition.Good => "良好",
        Condition.Fair => "一般",
        _ => "较差",
    };

    public static string Of(Safety safety) => safety switch
    {
        Safety.Safe => "安全",
        Safety.Concern => "有隐患",
        _ => "危险",
    };

    public static string Of(Need need) => need switch
    {
        Need.None => "无",
        Need.NeedsHelp => "需要帮助",
        _ => "急需帮助",
    };

    public static string Of(DueReason reason) => reason switch
    {
        DueReason.Routine => "例行探访",
        DueReason.HospitalStay => "住院",
        DueReason.CarerDied => "照料人去世",
        _ => "寒潮",
    };

    /// <summary>A stored roster tag ("Disabled:2") by its Chinese name.</summary>
    public static string Tag(string stored)
    {
        var parts = stored.Split(':');
        if (!Enum.TryParse<PopulationTagKind>(parts[0], out var kind)) return "";
        return kind switch
        {
            PopulationTagKind.Elderly60 => "60 岁以上",
            PopulationTagKind.Elderly80 => "80 岁以上",
            PopulationTagKind.LivingAlone => "独居",
            PopulationTagKind.Disabled => parts.Length > 1 ? parts[1] switch { "1" => "一级残疾", "2" => "二级残疾", "3" => "三级残疾", _ => "四级残疾" } : "残疾",
            PopulationTagKind.Dibao => "低保",
            PopulationTagKind.Tekun => "特困",
            PopulationTagKind.LeftBehindChild => "留守儿童",
            PopulationTagKind.Orphan => "孤儿",
            _ => "退役军人",
        };
    }
}
