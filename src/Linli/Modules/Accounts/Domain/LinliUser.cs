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
    /// <summary>An administrator reset the password: the account must choose its own before anything else.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>The last successful sign-in (form or token), UTC, and the client address it came from.</summary>
    public DateTime? LastSignInAt { get; set; }
    public string? LastSignInClient { get; set; }
}
