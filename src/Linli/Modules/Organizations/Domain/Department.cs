using Linli.Modules.Organizations.Contracts;

namespace Linli.Modules.Organizations.Domain;

internal sealed class Department
{
    /// <summary>Stable code, e.g. "water"; staff accounts name it as their department scope.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DepartmentKind Kind { get; set; }
    public bool IsActive { get; set; } = true;

    public DepartmentInfo ToInfo() => new(Code, Name, Kind, IsActive);

    /// <summary>
    /// The departments every deployment starts with (reference data, not synthetic). Names are generic ("市…"), so no
    /// city is assumed; a deployment renames or deactivates them, and the start-up never overwrites that.
    /// </summary>
    public static readonly IReadOnlyList<DepartmentInfo> Catalogue =
    [
        new("water", "市水务局", DepartmentKind.Government, true),
        new("power", "市供电公司", DepartmentKind.PublicUtility, true),
        new("gas", "市燃气公司", DepartmentKind.PublicUtility, true),
        new("heating", "市供热管理办公室", DepartmentKind.Government, true),
        new("housing", "市住房和城乡建设局", DepartmentKind.Government, true),
        new("emergency", "市应急管理局", DepartmentKind.Government, true),
        new("police", "市公安局", DepartmentKind.Government, true),
        new("urban_management", "市城市管理行政执法局", DepartmentKind.Government, true),
        new("civil_affairs", "市民政局", DepartmentKind.Government, true),
        new("health", "市卫生健康委员会", DepartmentKind.Government, true),
        new("education", "市教育局", DepartmentKind.Government, true),
        new("transport", "市交通运输局", DepartmentKind.Government, true),
        new("environment", "市生态环境局", DepartmentKind.Government, true),
        new("market_regulation", "市市场监督管理局", DepartmentKind.Government, true),
        new("human_resources", "市人力资源和社会保障局", DepartmentKind.Government, true),
        new("medical_security", "市医疗保障局", DepartmentKind.Government, true),
        new("justice", "市司法局", DepartmentKind.Government, true),
        new("disabled_persons", "市残疾人联合会", DepartmentKind.Government, true),
    ];
}
