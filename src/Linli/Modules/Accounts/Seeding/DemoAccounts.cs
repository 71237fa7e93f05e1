using Linli.Modules.Accounts.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Startup;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts.Seeding;

/// <summary>
/// One account per role, created only when the app runs with demo data (Demo:Enabled). The README lists them.
/// Scopes point into 和平区 (210102), the district the demo pages open on.
/// </summary>
internal sealed class DemoAccounts(UserManager<LinliUser> users, IConfiguration configuration, TimeProvider clock) : IStartupTask
{
    public const string Password = "Linli#2026";

    public static readonly IReadOnlyList<(string UserName, string Role, string? Region, string? Department, string DisplayName)> All =
    [
        ("demo.resident", Roles.Resident, null, null, "演示居民"),
        ("demo.grid", Roles.GridWorker, "210102001002001", null, "演示网格员"),
        ("demo.community", Roles.CommunityWorker, "210102001002", null, "演示社区工作者"),
        ("demo.street", Roles.StreetStaff, "210102001", null, "演示街道工作人员"),
        ("demo.district", Roles.DistrictStaff, "210102", null, "演示区级工作人员"),
        ("demo.department", Roles.DepartmentStaff, null, "water", "演示职能部门人员"),
        ("demo.hotline", Roles.HotlineOperator, "2101", null, "演示12345话务员"),
        ("demo.volunteer", Roles.Volunteer, null, null, "演示志愿者"),
        ("demo.supervisor", Roles.Supervisor, "2101", null, "演示民政督导"),
        ("demo.admin", Roles.Administrator, "2101", null, "演示管理员"),
    ];

    public int Order => 30;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("Demo:Enabled")) return;
        foreach (var (userName, role, region, department, displayName) in All)
        {
            if (await users.FindByNameAsync(userName) is not null) continue;
            var user = new LinliUser
            {
                UserName = userName, DisplayName = displayName, ScopeRegionCode = region, ScopeDepartmentCode = department,
                IsDemo = true, CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(user, role);
        }
    }
}
