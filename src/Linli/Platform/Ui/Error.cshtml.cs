using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Platform.Ui;

/// <summary>The HTML answer to a bare error status for a browser (re-executed by the status-code-pages middleware, any method).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int status) => Status = status;

    public void OnPost(int status) => Status = status;
}
