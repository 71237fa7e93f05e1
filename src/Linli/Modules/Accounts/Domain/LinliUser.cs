using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts.Domain;

internal sealed class LinliUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Region-code prefix the account may read (its whole subtree); null for residents, volunteers and department staff.</summary>
    public string? ScopeRegionCode { get; set; }
    /// <summary>Department the account acts for (department staff).</summary>
    public string? ScopeDepartmentCode { get; set; }
    /// <summary>Created by the demo data; never present unless the app runs with demo data.</summary>
    public bool IsDemo { get; set; }
    public DateTime CreatedAt { get; set; }
}
