using Linli.Modules.Indicators.Contracts;

namespace Linli.Modules.Indicators.Domain.DataEntry;

/// <summary>
/// The checks of an entered value, pure: a plausible range, one measure against the other of the same community and year,
/// and a comment when the value moved by more than half from last year's. Each problem names the field it is about.
/// </summary>
internal static class EntryRules
{
    /// <summary>The measures entered by hand, with the largest value plausible for one community (m²).</summary>
    public static readonly IReadOnlyDictionary<string, (MeasureInfo Info, double Max)> Measures = new Dictionary<string, (MeasureInfo, double)>(StringComparer.Ordinal)
    {
        [MeasureCodes.CommunityBuildingArea] = (new MeasureInfo(MeasureCodes.CommunityBuildingArea, "社区总建筑面积", "平方米"), 5_000_000),
        [MeasureCodes.CommercialServiceArea] = (new MeasureInfo(MeasureCodes.CommercialServiceArea, "社区商业和综合服务设施面积", "平方米"), 1_000_000),
    };

    public const int MaxCommentLength = 2000;

    /// <summary>Beyond this relative change from last year's approved value a comment must say why.</summary>
    public const double ChangeNeedingComment = 0.5;

    /// <param name="value">The value being saved.</param>
    /// <param name="other">The same community's and year's value of the other measure, if entered.</param>
    /// <param name="lastYear">Last year's approved value of this measure, if any.</param>
    public static IReadOnlyList<(string Field, string Message)> Check(string measure, double value, double? other, double? lastYear, string? comment)
    {
        var problems = new List<(string, string)>();
        if (!Measures.TryGetValue(measure, out var m))
        {
            problems.Add(("measureCode", "没有可填报的基础数据项 " + measure + "。"));
            return problems;
        }
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
            problems.Add(("value", "数值不能为负数。"));
        else if (value > m.Max)
            problems.Add(("value", $"数值超过合理上限 {m.Max:0}。"));
        if (other is { } o)
        {
            if (measure == MeasureCodes.CommercialServiceArea && value > o)
                problems.Add(("value", "社区商业和综合服务设施面积不能大于社区总建筑面积。"));
            if (measure == MeasureCodes.CommunityBuildingArea && value < o)
                problems.Add(("value", "社区总建筑面积不能小于社区商业和综合服务设施面积。"));
        }
        // The column holds 2,000 characters (Data/Configurations): a longer comment is refused here, not by the database.
        if (comment is { Length: > MaxCommentLength })
            problems.Add(("comment", "说明不能超过 2000 个字。"));
        if (lastYear is { } last && ChangedMuch(last, value) && string.IsNullOrWhiteSpace(comment))
            problems.Add(("comment", "与上年相比变化超过 50%，请填写说明。"));
        return problems;
    }

    public static bool ChangedMuch(double last, double value) => last == 0 ? value != 0 : Math.Abs(value - last) / Math.Abs(last) > ChangeNeedingComment;
}
