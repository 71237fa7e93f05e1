namespace Linli.Modules.Indicators.Domain;

/// <summary>The Chinese words for the module's codes (resource keys: answered in English when the caller asks for it).</summary>
internal static class IndicatorLabels
{
    /// <summary>Every label, for the check that each has its English.</summary>
    public static IEnumerable<string> All =>
        Enum.GetValues<IndicatorStatus>().Select(Of).Concat(Enum.GetValues<IndicatorKind>().Select(Of)).Concat(Enum.GetValues<NoDataReason>().Select(Of));

    public static string Of(IndicatorStatus status) => status switch
    {
        IndicatorStatus.Achieved => "已达标",
        IndicatorStatus.OnTrack => "进度正常",
        IndicatorStatus.Behind => "进度滞后",
        IndicatorStatus.Monitoring => "监测",
        _ => "暂无数据",
    };

    public static string Of(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Expected => "预期性",
        IndicatorKind.Binding => "约束性",
        _ => "监测指标",
    };

    public static string Of(NoDataReason reason) => reason switch
    {
        NoDataReason.MissingMeasure => "尚无模块提供所需基础数据",
        NoDataReason.BelowLevel => "该指标按上级单位统计",
        _ => "该区域没有适用的统计单位",
    };

    public static string Of(Comparison op) => op switch
    {
        Comparison.AtLeast => "≥",
        Comparison.AtMost => "≤",
        Comparison.MoreThan => ">",
        _ => "<",
    };
}
