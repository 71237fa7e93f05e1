using Linli.Modules.Accounts.Data;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Accounts.Pages.Admin;

internal sealed record AccountRow(string Id, string UserName, string DisplayName, string? ScopeRegionCode, string? ScopeDepartmentCode,
    DateTimeOffset? LockoutEnd, bool IsDemo, DateTime? LastSignInAt, string? LastSignInClient)
{
    public IReadOnlyList<string> Roles { get; set; } = [];
    public bool IsLocked(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

/// <summary>
/// The accounts list. The name search travels in a POST body, not the URL, because a display name is a person's name;
/// the role filter and the page number are in the same form, so paging keeps the filters.
/// </summary>
[Authorize(Policy = AccountsPermissions.ManageAccounts)]
internal sealed class AccountsModel(AccountsDbContext db, IRegionDirectory regions, IDepartmentDirectory departments, IAreaScope caller, TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<AccountRow> Result { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();
    /// <summary>A department scope by its name (the resource key of its Chinese name), not its code.</summary>
    public IReadOnlyDictionary<string, string> DepartmentNames { get; private set; } = new Dictionary<string, string>();
    public DateTimeOffset Now => clock.GetUtcNow();

    [TempData] public string? Message { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (!AccountRules.ManagesCity(caller))
        {
            var area = caller.RegionPrefix ?? "\u0000"; // no area: nothing
            users = users.Where(u => u.ScopeRegionCode != null && u.ScopeRegionCode.StartsWith(area));
        }
        if (AccountRules.Normalize(Q) is { } q)
            users = users.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        if (Role is not null && Roles.All.Contains(Role))
        {
            var roleIds = db.Roles.Where(r => r.Name == Role).Select(r => r.Id);
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }
        else Role = null;

        Result = await users.OrderBy(u => u.UserName)
            .Select(u => new AccountRow(u.Id, u.UserName!, u.DisplayName, u.ScopeRegionCode, u.ScopeDepartmentCode, u.LockoutEnd, u.IsDemo, u.LastSignInAt, u.LastSignInClient))
            .ToPagedAsync(PageNumber, PageSize, ct);

        var ids = Result.Items.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        foreach (var row in Result.Items)
            row.Roles = roles.Where(r => r.UserId == row.Id).Select(r => r.Name!).OrderBy(n => Roles.All.ToList().IndexOf(n)).ToList();

        RegionNames = await regions.NamesAsync(Result.Items.Select(r => r.ScopeRegionCode).OfType<string>(), ct);
        if (Result.Items.Any(r => r.ScopeDepartmentCode is not null))
            DepartmentNames = (await departments.ListAsync(includeInactive: true, ct)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
    }
}
