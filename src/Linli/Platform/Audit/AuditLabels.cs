namespace Linli.Platform.Audit;

/// <summary>
/// The Chinese names of the audit log's codes (actions, kinds of record, fields, outcomes); pages and exports translate
/// them through the shared resources like every other text. A code without a label is shown as it is stored.
/// </summary>
internal static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [AuditActions.Reveal] = "查看完整号码",
        [AuditActions.SearchByNumber] = "按号码查询",
        [AuditActions.SignIn] = "登录",
        [AuditActions.SignInFailed] = "登录失败",
        [AuditActions.SignOut] = "退出登录",
        [AuditActions.AccountCreated] = "创建账号",
        [AuditActions.AccountChanged] = "修改账号",
        [AuditActions.AccountLocked] = "锁定账号",
        [AuditActions.AccountUnlocked] = "解锁账号",
        [AuditActions.PasswordReset] = "重置密码",
        [AuditActions.PasswordChanged] = "修改密码",
        [AuditActions.CategoryChanged] = "修改诉求分类",
        [AuditActions.RoutingRuleChanged] = "修改派单规则",
        [AuditActions.HolidayCalendarChanged] = "修改节假日安排",
        [AuditActions.Export] = "导出数据",
        [AuditActions.OutOfScope] = "越权访问（已拒绝）",
        [AuditActions.KeysRotated] = "轮换密钥",
        [AuditActions.AuditVerified] = "核验审计日志",
        [AuditActions.SecondNoticeRefused] = "拒绝再次告知新增材料",
        [AuditActions.ServiceItemChanged] = "修改办事事项",
        [AuditActions.DistrictItemsChanged] = "修改代办清单",
        [AuditActions.IndicatorEntryChanged] = "修改指标填报",
        [AuditActions.FacilityChanged] = "修改服务设施",
        [AuditActions.CareTierChanged] = "修改关爱对象风险等级",
    };

    private static readonly Dictionary<string, string> Subjects = new(StringComparer.Ordinal)
    {
        [AuditSubjects.Resident] = "居民",
        [AuditSubjects.Household] = "户",
        [AuditSubjects.Ticket] = "诉求工单",
        [AuditSubjects.Account] = "账号",
        [AuditSubjects.Category] = "诉求分类",
        [AuditSubjects.RoutingRule] = "派单规则",
        [AuditSubjects.HolidayCalendar] = "节假日安排",
        [AuditSubjects.PersonalDataKeys] = "个人信息密钥",
        [AuditSubjects.AuditLog] = "审计日志",
        [AuditSubjects.RequestMetrics] = "诉求统计",
        [AuditSubjects.ServiceCase] = "办件",
        [AuditSubjects.ServiceItem] = "办事事项",
        [AuditSubjects.DistrictItems] = "代办清单",
        [AuditSubjects.ServiceDeskStatistics] = "办件统计",
        [AuditSubjects.IndicatorEntry] = "指标填报",
        [AuditSubjects.IndicatorBelowStandard] = "未达标单位",
        [AuditSubjects.IndicatorReport] = "指标达标报告",
        [AuditSubjects.Facility] = "服务设施",
        [AuditSubjects.FacilityList] = "服务设施清单",
        [AuditSubjects.FacilityStandards] = "设施达标情况",
        [AuditSubjects.HotspotList] = "热点问题清单",
    };

    /// <summary>Fields and other codes stored in <see cref="AuditEntry.Field"/>.</summary>
    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["idNumber"] = "身份证号",
        ["phone"] = "电话号码",
        ["xlsx"] = "Excel 文件",
        ["csv"] = "CSV 文件",
        ["added"] = "新增",
        ["renamed"] = "重命名",
        ["moved"] = "移动",
        ["retired"] = "停用",
        ["published"] = "发布",
        ["restored"] = "恢复",
        ["created"] = "新建",
        ["edited"] = "修改",
        ["closed"] = "关闭",
        ["imported"] = "导入",
        [AuditVerificationRecord.Intact] = "完好",
        ["changed"] = "记录被篡改",
        ["deleted"] = "记录被删除",
        ["inserted"] = "记录被插入",
        ["reordered"] = "记录顺序被调换",
        ["truncated"] = "末尾记录被截断",
        ["unknown-key"] = "签名密钥未知",
        ["checkpoint-forged"] = "检查点被伪造",
        // Where a sign-in came from (Modules/Accounts/Features/SignIn/PasswordSignIn.cs).
        ["page"] = "登录页面",
        ["token"] = "令牌接口",
        ["api"] = "接口",
        ["sign-in"] = "登录",
    };

    public static string Action(string code) => Actions.GetValueOrDefault(code, code);
    public static string Subject(string code) => Subjects.GetValueOrDefault(code, code);
    public static string Field(string code) => Fields.GetValueOrDefault(code, code);

    /// <summary>The page of a record, for the kinds that have one.</summary>
    public static string? SubjectLink(string type, string id) => type switch
    {
        _ when id.Length == 0 || !id.All(char.IsAsciiDigit) => null,
        AuditSubjects.Resident => "/residents/" + id,
        AuditSubjects.Household => "/residents/households/" + id,
        AuditSubjects.Ticket => "/requests/tickets/" + id,
        AuditSubjects.RoutingRule => "/requests/admin/rules/" + id,
        AuditSubjects.Facility => "/facilities/" + id,
        _ => null,
    };

    public static IEnumerable<string> ActionCodes => Actions.Keys;
    public static IEnumerable<string> SubjectCodes => Subjects.Keys;

    /// <summary>Every Chinese label, for the translation check.</summary>
    public static IEnumerable<string> All => Actions.Values.Concat(Subjects.Values).Concat(Fields.Values);
}
