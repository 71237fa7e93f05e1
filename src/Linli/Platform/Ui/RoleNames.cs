using Linli.Platform.Auth;

namespace Linli.Platform.Ui;

/// <summary>The Chinese names of the roles (keys of the shared localizer) and what each does.</summary>
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

    /// <summary>
    /// What each role does here today: only work the platform already offers. Duties of modules not built yet (service
    /// applications, volunteering, care visits, the yearly report) are added with those modules, never promised before.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Duties = new Dictionary<string, string>
    {
        [Roles.Resident] = "反映诉求，跟踪办理进度并评价答复；网上申请服务事项，预约窗口，查询和评价办件。",
        [Roles.GridWorker] = "上报巡查发现的问题，跟踪上报的办理，吹哨召集职能部门，查询本网格居民。",
        [Roles.CommunityWorker] = "办理派至社区的诉求，巡查上报，吹哨召集职能部门，查询和导入本社区居民；窗口收件（全市通办），一次告知，代办和上门办理，预约叫号。",
        [Roles.StreetStaff] = "督导本辖区诉求办理，审批延期，查看本辖区指标，查询和导入居民；查看本辖区办件统计和超期办件。",
        [Roles.DistrictStaff] = "督导本辖区诉求办理，审批延期，查看本辖区指标，查询和导入居民；查看本辖区办件统计和超期办件。",
        [Roles.DepartmentStaff] = "签收派至本部门的工单，办理并答复，被吹哨召集时报到；审查和办结本部门事项的办件。",
        [Roles.HotlineOperator] = "接听来电，登记诉求，分类派件，回访办结。",
        [Roles.Volunteer] = "志愿服务接单功能尚未开通；可查看行政区划和消息。",
        [Roles.Supervisor] = "查看全市诉求办理指标和区县地图，审批延期，查阅审计日志；查看全市办件统计和好差评。",
        [Roles.Administrator] = "管理账号、角色和辖区，诉求分类、派单规则和办理时限，节假日，服务事项清单，查阅审计日志。",
    };

    public static string Of(string role) => Label.TryGetValue(role, out var name) ? name : role;
}
