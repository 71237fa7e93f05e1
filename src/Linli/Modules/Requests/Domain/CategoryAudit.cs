using System.Globalization;
using Linli.Platform.Audit;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// How changes of the category tree and of routing rules read in the audit log. They are city-wide configuration, so the
/// entries carry no region (city-wide readers see them).
/// </summary>
internal static class CategoryAudit
{
    /// <param name="change">added, renamed, moved, retired or restored (labelled on the audit page).</param>
    public static AuditRecord Changed(int categoryId, string path, string change, string reason = "") =>
        new(AuditActions.CategoryChanged, AuditSubjects.Category, categoryId.ToString(CultureInfo.InvariantCulture), "")
        {
            Field = change, SubjectLabel = path, Reason = reason,
        };

    /// <summary>The new version of a leaf's rule, in words: who handles it and the time limits.</summary>
    public static AuditRecord RuleChanged(RoutingRule rule, string path, string? departmentName) =>
        new(AuditActions.RoutingRuleChanged, AuditSubjects.RoutingRule, rule.CategoryId.ToString(CultureInfo.InvariantCulture), "")
        {
            SubjectLabel = path,
            Reason = string.Create(CultureInfo.InvariantCulture,
                $"第 {rule.Version} 版：承办 {departmentName ?? "发生地社区"}；签收 紧急 {rule.SignHoursUrgent} 小时、一般 {rule.SignHoursNormal} 小时；办结 紧急 {rule.FinishDaysUrgent} 个、一般 {rule.FinishDaysNormal} 个工作日；查重半径 {rule.DuplicateRadiusMeters} 米"),
        };
}
