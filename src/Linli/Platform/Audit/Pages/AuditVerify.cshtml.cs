using Linli.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit.Pages;

/// <summary>
/// Verifying the audit log: the page starts a verification of the whole chain in the background (the same
/// <see cref="AuditVerifier"/> as the verify-audit verb), shows its progress while it runs (the page reloads itself,
/// no script needed) and the first broken link it found. Earlier verifications are read from the log itself.
/// </summary>
[Authorize(Policy = PlatformPermissions.ReadAudit)]
internal sealed class AuditVerifyModel(AuditVerificationRunner runner, AuditDbContext db, IAreaScope scope) : PageModel
{
    public AuditVerificationRun? Run { get; private set; }
    public IReadOnlyList<AuditEntry> Earlier { get; private set; } = [];

    public bool Running => Run is { Result: null, Failed: false };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Run = runner.Current;
        Earlier = await AuditQuery.Newest(AuditQuery.Filter(db, scope, new AuditFilter { Action = AuditActions.AuditVerified })).Take(10).ToListAsync(ct);
    }

    public IActionResult OnPost()
    {
        // A run already going is simply shown.
        runner.TryStart(AuditEndpoints.AuditActorOf(scope, HttpContext), scope.RegionPrefix ?? "");
        return Redirect("/audit/verify");
    }
}
