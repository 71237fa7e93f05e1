using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Domain.Catalog;

/// <summary>
/// The catalog's rules in one place, without a database. <see cref="CheckDraft"/> holds what any saved draft must keep
/// (lengths and ranges the columns hold); <see cref="CheckPublication"/> what a version needs before residents and windows
/// may use it. Each answers every problem at once, by field (<c>Materials[2].Condition</c> for the second material), so an
/// administrator fixes them all in one go.
/// </summary>
internal static class ItemRules
{
    public const int NameLength = 200;
    public const int TextLength = 4000;
    public const int FeeLength = 500;
    public const int DepartmentLength = 64;
    public const int ConditionLength = 500;
    public const int MaxMaterials = 60;
    public const int MaxCopies = 99;
    public const int MaxLimitDays = 365;

    private static readonly HandlingModes AllModes = Enum.GetValues<HandlingModes>().Aggregate(HandlingModes.None, (a, m) => a | m);
    private static readonly CommunitySteps AllSteps = Enum.GetValues<CommunitySteps>().Aggregate(CommunitySteps.None, (a, s) => a | s);
    private static readonly NonCountingSteps AllNonCounting = Enum.GetValues<NonCountingSteps>().Aggregate(NonCountingSteps.None, (a, s) => a | s);

    /// <summary>The community steps in the order a case passes them.</summary>
    public static readonly CommunitySteps[] StepOrder = [CommunitySteps.Receive, CommunitySteps.Accept, CommunitySteps.Review, CommunitySteps.Decide, CommunitySteps.HandOver];

    /// <summary>Field path of a material's member, as the errors and the edit form name it (1-based, as the guide numbers materials).</summary>
    public static string MaterialField(int position, string member) => $"Materials[{position}].{member}";

    /// <summary>What every saved draft keeps: no text longer than its column, no number out of range, no unknown flag.</summary>
    public static Dictionary<string, Phrase[]> CheckDraft(ItemGuide guide)
    {
        var errors = new Errors();
        errors.TooLong(nameof(guide.Name), guide.Name, NameLength);
        errors.TooLong(nameof(guide.DepartmentCode), guide.DepartmentCode, DepartmentLength);
        errors.TooLong(nameof(guide.LegalBasis), guide.LegalBasis, TextLength);
        errors.TooLong(nameof(guide.Conditions), guide.Conditions, TextLength);
        errors.TooLong(nameof(guide.Fee), guide.Fee, FeeLength);
        if (guide.LegalLimitDays is < 0 or > MaxLimitDays) errors.Add(nameof(guide.LegalLimitDays), new Phrase("时限应在 0 到 {0} 个工作日之间。", MaxLimitDays));
        if (guide.PromisedLimitDays is < 0 or > MaxLimitDays) errors.Add(nameof(guide.PromisedLimitDays), new Phrase("时限应在 0 到 {0} 个工作日之间。", MaxLimitDays));
        if (guide.MinimumAge is < 0 or > 150) errors.Add(nameof(guide.MinimumAge), new Phrase("最低年龄应在 0 到 150 岁之间。"));
        if ((guide.Modes & ~AllModes) != 0) errors.Add(nameof(guide.Modes), new Phrase("办理方式不在可选范围内。"));
        if ((guide.CommunitySteps & ~AllSteps) != 0) errors.Add(nameof(guide.CommunitySteps), new Phrase("社区环节不在可选范围内。"));
        if ((guide.NonCountingSteps & ~AllNonCounting) != 0) errors.Add(nameof(guide.NonCountingSteps), new Phrase("不计时环节不在可选范围内。"));
        if (guide.RequiredTag is { } tag && !Enum.IsDefined(tag)) errors.Add(nameof(guide.RequiredTag), new Phrase("人群标签不在可选范围内。"));
        var materials = guide.Materials ?? [];
        if (materials.Count > MaxMaterials) errors.Add(nameof(guide.Materials), new Phrase("申请材料最多 {0} 项。", MaxMaterials));
        for (var i = 0; i < Math.Min(materials.Count, MaxMaterials); i++)
        {
            var m = materials[i];
            var position = i + 1;
            errors.TooLong(MaterialField(position, nameof(m.Name)), m.Name, NameLength);
            errors.TooLong(MaterialField(position, nameof(m.Condition)), m.Condition, ConditionLength);
            if (m.Copies is < 1 or > MaxCopies) errors.Add(MaterialField(position, nameof(m.Copies)), new Phrase("份数应在 1 到 {0} 之间。", MaxCopies));
            if (!Enum.IsDefined(m.Supplied)) errors.Add(MaterialField(position, nameof(m.Supplied)), new Phrase("免提交来源不在可选范围内。"));
        }
        return errors.ToDictionary();
    }

    /// <summary>
    /// What a version needs before it is published, on top of <see cref="CheckDraft"/>: the code's shape, every element of
    /// the guide, limits that make sense (promised within the legal limit), at least one mode and one material, conditions
    /// for conditional materials, and materials the platform supplies that are not also asked of the resident.
    /// </summary>
    public static Dictionary<string, Phrase[]> CheckPublication(string code, ItemGuide guide, IReadOnlySet<string> knownDepartments)
    {
        var errors = new Errors(CheckDraft(guide));
        if (!ItemCode.IsWellFormed(code))
            errors.Add("Code", new Phrase("事项编码应为两位类型字母、五位主项编码、三位子项编码，再加连字符和六位实施区划代码，如 JF00101001-210100。"));
        if (string.IsNullOrWhiteSpace(guide.Name)) errors.Add(nameof(guide.Name), new Phrase("请填写事项名称。"));
        if (string.IsNullOrWhiteSpace(guide.DepartmentCode)) errors.Add(nameof(guide.DepartmentCode), new Phrase("请选择实施部门。"));
        else if (!knownDepartments.Contains(guide.DepartmentCode.Trim())) errors.Add(nameof(guide.DepartmentCode), new Phrase("实施部门不存在或已停用。"));
        if (string.IsNullOrWhiteSpace(guide.LegalBasis)) errors.Add(nameof(guide.LegalBasis), new Phrase("请填写设定依据。"));
        if (string.IsNullOrWhiteSpace(guide.Conditions)) errors.Add(nameof(guide.Conditions), new Phrase("请填写申请条件。"));
        if (string.IsNullOrWhiteSpace(guide.Fee)) errors.Add(nameof(guide.Fee), new Phrase("请填写收费标准（不收费请填“不收费”）。"));
        if (guide.LegalLimitDays <= 0) errors.Add(nameof(guide.LegalLimitDays), new Phrase("法定办结时限应大于 0 个工作日。"));
        if (guide.PromisedLimitDays <= 0) errors.Add(nameof(guide.PromisedLimitDays), new Phrase("承诺办结时限应大于 0 个工作日。"));
        else if (guide.LegalLimitDays > 0 && guide.PromisedLimitDays > guide.LegalLimitDays)
            errors.Add(nameof(guide.PromisedLimitDays), new Phrase("承诺办结时限不能超过法定办结时限（{0} 个工作日）。", guide.LegalLimitDays));
        if ((guide.Modes & AllModes) == HandlingModes.None) errors.Add(nameof(guide.Modes), new Phrase("请至少选择一种办理方式。"));
        if ((guide.CommunitySteps & CommunitySteps.Receive) == 0)
            errors.Add(nameof(guide.CommunitySteps), new Phrase("社区环节应包括收件。"));
        else if (!Contiguous(guide.CommunitySteps))
            errors.Add(nameof(guide.CommunitySteps), new Phrase("社区环节应从收件起连续（出件除外），不能跳过中间环节。"));

        var materials = guide.Materials ?? [];
        if (materials.Count == 0) errors.Add(nameof(guide.Materials), new Phrase("请至少列出一项申请材料。"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var supplied = new HashSet<SuppliedProof>();
        for (var i = 0; i < Math.Min(materials.Count, MaxMaterials); i++)
        {
            var m = materials[i];
            var position = i + 1;
            if (string.IsNullOrWhiteSpace(m.Name)) errors.Add(MaterialField(position, nameof(m.Name)), new Phrase("请填写材料名称。"));
            else if (!names.Add(m.Name.Trim())) errors.Add(MaterialField(position, nameof(m.Name)), new Phrase("材料名称与前面的材料重复。"));
            if (!m.Mandatory && string.IsNullOrWhiteSpace(m.Condition))
                errors.Add(MaterialField(position, nameof(m.Condition)), new Phrase("非必要材料请写明什么情况下需要提供。"));
            if (m.Supplied != SuppliedProof.None)
            {
                // What the platform supplies is never asked of the resident: nothing to bring later, one material per proof.
                if (m.AcceptLater) errors.Add(MaterialField(position, nameof(m.AcceptLater)), new Phrase("免提交的材料由平台提供，不适用容缺受理。"));
                if (!supplied.Add(m.Supplied)) errors.Add(MaterialField(position, nameof(m.Supplied)), new Phrase("同一免提交来源只能对应一项材料。"));
            }
        }
        return errors.ToDictionary();
    }

    /// <summary>收件 → 受理 → 审查 → 办结 without a gap; 出件 may be at the window whoever decided (the department decides, the community hands over).</summary>
    private static bool Contiguous(CommunitySteps steps)
    {
        var ended = false;
        foreach (var step in StepOrder[..^1])
        {
            var has = (steps & step) != 0;
            if (has && ended) return false;
            if (!has) ended = true;
        }
        return true;
    }

    private sealed class Errors
    {
        private readonly Dictionary<string, List<Phrase>> _byField = new(StringComparer.Ordinal);

        public Errors(IReadOnlyDictionary<string, Phrase[]>? start = null)
        {
            foreach (var (field, phrases) in start ?? new Dictionary<string, Phrase[]>()) _byField[field] = [.. phrases];
        }

        public void Add(string field, Phrase phrase)
        {
            if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
            if (!list.Contains(phrase)) list.Add(phrase);
        }

        public void TooLong(string field, string? value, int max)
        {
            if (value is not null && value.Length > max) Add(field, new Phrase("不能超过 {0} 个字。", max));
        }

        public Dictionary<string, Phrase[]> ToDictionary() => _byField.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }
}
