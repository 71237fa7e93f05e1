using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Auth;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>
/// 一次性告知书, as the window prints it and hands it to the applicant: the station, the case and notice numbers, the
/// date, the item, the applicant (name and masked ID number), and every missing or defective material with its reason.
/// The latest notice unless <c>sequence</c> names an earlier one; a case without a notice is a 404.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.HandleCases)]
internal sealed class NoticeModel(CaseWorkflow workflow, IEnumerable<IRegionNames> regionNames, IAreaScope scope) : PageModel
{
    public CaseView Case { get; private set; } = null!;
    public CaseNoticeView Notice { get; private set; } = null!;

    /// <summary>The accepting community's name, with its street and district: the station that issues the notice.</summary>
    public string Station { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(long id, int? sequence, CancellationToken ct)
    {
        LoadedCase loaded;
        try
        {
            loaded = await workflow.LoadAsync(id, null, ct);
        }
        catch (Platform.Errors.NotFoundException)
        {
            return NotFound();
        }
        Case = await workflow.ViewAsync(loaded, CaseActor.From(User, scope), ct);
        var notice = sequence is { } n ? Case.Notices.FirstOrDefault(x => x.Sequence == n) : Case.Notices.LastOrDefault();
        if (notice is null) return NotFound();
        Notice = notice;
        var code = Case.AcceptingCommunityCode;
        string[] parts = [code[..6], code[..9], code];
        var found = regionNames.FirstOrDefault() is { } directory ? await directory.NamesAsync(parts, ct) : new Dictionary<string, string>();
        var names = parts.Where(found.ContainsKey).Select(p => found[p]).ToList();
        Station = names.Count > 0 ? string.Join(" ", names) : code;
        return Page();
    }
}
