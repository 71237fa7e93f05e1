using Linli.Platform.Auth;

namespace Linli.Platform.Ui;

/// <summary>The Chinese names of the roles (keys of the shared localizer) and what each does, from DESIGN.md.</summary>
internal static class RoleNames
{
    public static readonly IReadOnlyDictionary<string, string> Label = new Dictionary<string, string>
    {
        [Roles.Resident] = "居民",
        [Roles.GridWorker] = "网格员",
        [Roles.CommunityWorker] = "社区工作者",
        [Roles.StreetStaff] = "街道工作人员",
        [Roles.DistrictStaff] = "区县工作人员",
        [Roles.DepartmentStaff] = "职能部门人员",
        [Roles.HotlineOperator] = "12345话务员",
        [Roles.Volunteer] = "志愿者",
        [Roles.Supervisor] = "民政督导",
        [Roles.Administrator] = "管理员",
    };

    public static readonly IReadOnlyDictionary<string, string> Duties = new Dictionary<string, string>
    {
        [Roles.Resident] = "提交诉求、在任一社区申请服务、预约办理、发布志愿需求、跟踪进度并评价结果。",
        [Roles.GridWorker] = "上报巡查发现的问题，走访特殊群体，吹哨召集职能部门。",
        [Roles.CommunityWorker] = "一窗受理、代办、上门服务，办理派至社区的诉求。",
        [Roles.StreetStaff] = "督导本辖区，派单，审批延期，查看本辖区指标。",
        [Roles.DistrictStaff] = "督导本辖区，派单，审批延期，查看本辖区指标。",
        [Roles.DepartmentStaff] = "接收派单，报到，答复。",
        [Roles.HotlineOperator] = "接听来电，登记诉求，分类派件。",
        [Roles.Volunteer] = "接单服务，记录服务时长。",
        [Roles.Supervisor] = "查看全市看板与指标，设施标准，数据比对，年度报告。",
        [Roles.Administrator] = "管理账号、角色、辖区，目录、派单规则和办理时限。",
    };

    public static string Of(string role) => Label.TryGetValue(role, out var name) ? name : role;
}
