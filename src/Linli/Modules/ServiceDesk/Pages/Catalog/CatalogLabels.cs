using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Catalog;

/// <summary>The Chinese names of the catalog's enums and fields as the pages show them (never the raw enum names).</summary>
internal static class CatalogLabels
{
    public static readonly HandlingModes[] Modes =
        [HandlingModes.Window, HandlingModes.Proxy, HandlingModes.DoorToDoor, HandlingModes.Appointment, HandlingModes.SelfService, HandlingModes.Online];

    public static readonly NonCountingSteps[] NonCounting =
        [NonCountingSteps.PublicNotice, NonCountingSteps.Assessment, NonCountingSteps.Hearing, NonCountingSteps.Inspection, NonCountingSteps.ExpertReview, NonCountingSteps.HouseholdSurvey];

    public static readonly SuppliedProof[] Proofs =
        [SuppliedProof.None, SuppliedProof.Identity, SuppliedProof.Residence, SuppliedProof.Age, SuppliedProof.Dibao, SuppliedProof.Tekun, SuppliedProof.Disability];

    public static string Mode(IStringLocalizer text, HandlingModes mode) => mode switch
    {
        HandlingModes.Window => text["窗口办"], HandlingModes.Proxy => text["代办"], HandlingModes.DoorToDoor => text["上门办"],
        HandlingModes.Appointment => text["预约办"], HandlingModes.SelfService => text["自助办"], HandlingModes.Online => text["网上办"], _ => text["其他"],
    };

    public static string ModeList(IStringLocalizer text, HandlingModes modes) => text.JoinList(Modes.Where(m => modes.HasFlag(m)).Select(m => Mode(text, m)));

    public static string Step(IStringLocalizer text, CommunitySteps step) => step switch
    {
        CommunitySteps.Receive => text["收件"], CommunitySteps.Accept => text["受理"], CommunitySteps.Review => text["审查"],
        CommunitySteps.Decide => text["办结"], CommunitySteps.HandOver => text["出件"], _ => text["其他"],
    };

    public static string StepList(IStringLocalizer text, CommunitySteps steps) => string.Join(" → ", ItemRules.StepOrder.Where(s => steps.HasFlag(s)).Select(s => Step(text, s)));

    public static string NonCountingStep(IStringLocalizer text, NonCountingSteps step) => step switch
    {
        NonCountingSteps.PublicNotice => text["公示"], NonCountingSteps.Assessment => text["鉴定评定"], NonCountingSteps.Hearing => text["听证"],
        NonCountingSteps.Inspection => text["检验检测"], NonCountingSteps.ExpertReview => text["专家评审"], NonCountingSteps.HouseholdSurvey => text["入户调查"], _ => text["其他"],
    };

    public static string NonCountingList(IStringLocalizer text, NonCountingSteps steps) =>
        steps == NonCountingSteps.None ? text["无"] : text.JoinList(NonCounting.Where(s => steps.HasFlag(s)).Select(s => NonCountingStep(text, s)));

    public static string Proof(IStringLocalizer text, SuppliedProof proof) => proof switch
    {
        SuppliedProof.None => text["需本人提交"], SuppliedProof.Identity => text["身份信息（平台核验）"], SuppliedProof.Residence => text["居住信息（平台核验）"],
        SuppliedProof.Age => text["年龄信息（平台核验）"], SuppliedProof.Dibao => text["低保信息（平台核验）"], SuppliedProof.Tekun => text["特困信息（平台核验）"],
        SuppliedProof.Disability => text["残疾信息（平台核验）"], _ => text["其他"],
    };

    /// <summary>The kind of item (GB/T 39554.1's letters), by its Chinese name as <see cref="ItemCode.KindOf"/> gives it.</summary>
    public static string Kind(IStringLocalizer text, string kind) => kind switch
    {
        "行政许可" => text["行政许可"], "行政处罚" => text["行政处罚"], "行政强制" => text["行政强制"], "行政征收" => text["行政征收"], "行政给付" => text["行政给付"],
        "行政检查" => text["行政检查"], "行政确认" => text["行政确认"], "行政奖励" => text["行政奖励"], "行政裁决" => text["行政裁决"], "其他行政权力" => text["其他行政权力"],
        "公共服务" => text["公共服务"], _ => kind,
    };

    public static string State(IStringLocalizer text, ItemVersionState state) => state switch
    {
        ItemVersionState.Draft => text["草稿"], ItemVersionState.Published => text["已发布"], ItemVersionState.Superseded => text["已停用"], _ => text["其他"],
    };

    public static string Tag(IStringLocalizer text, PopulationTagKind tag) => tag switch
    {
        PopulationTagKind.Elderly60 => text["60 岁以上老年人"], PopulationTagKind.Elderly80 => text["80 岁以上高龄老人"], PopulationTagKind.LivingAlone => text["独居老人"],
        PopulationTagKind.Disabled => text["残疾人"], PopulationTagKind.Dibao => text["低保对象"], PopulationTagKind.Tekun => text["特困人员"],
        PopulationTagKind.LeftBehindChild => text["留守儿童"], PopulationTagKind.Orphan => text["孤儿"], PopulationTagKind.Veteran => text["退役军人"], _ => text["其他"],
    };

    /// <summary>The label of an error's field (<c>Materials[2].Condition</c> reads 第 2 项材料 · 条件说明), for the publication errors' summary.</summary>
    public static string Field(IStringLocalizer text, string field)
    {
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (field.StartsWith("Materials[", StringComparison.Ordinal) && field.IndexOf("].", StringComparison.Ordinal) is var close and > 0)
            return text["第 {0} 项材料 · {1}", field[(bracket + 1)..close], Member(text, field[(close + 2)..])];
        if (field.StartsWith("Codes[", StringComparison.Ordinal)) return text["第 {0} 项", field[6..^1]];
        return Member(text, field);
    }

    private static string Member(IStringLocalizer text, string member) => member switch
    {
        "Code" => text["事项编码"], "Name" => text["名称"], "DepartmentCode" => text["实施部门"], "LegalBasis" => text["设定依据"], "Conditions" => text["申请条件"],
        "RequiredTag" => text["人群标签"], "MinimumAge" => text["最低年龄"], "Fee" => text["收费标准"], "LegalLimitDays" => text["法定办结时限"],
        "PromisedLimitDays" => text["承诺办结时限"], "Modes" => text["办理方式"], "CommunitySteps" => text["社区环节"], "NonCountingSteps" => text["不计时环节"],
        "Materials" => text["申请材料"], "Condition" => text["条件说明"], "Copies" => text["份数"], "AcceptLater" => text["容缺受理"], "Supplied" => text["免提交"],
        _ => member,
    };
}
