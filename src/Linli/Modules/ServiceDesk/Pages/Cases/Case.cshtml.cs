using System.Globalization;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>
/// One case as its viewer may see it (the applicant masked): the item, the state, the due date in working days, the
/// materials, the notices, the steps, and one form for each action the transition table allows now and this caller may
/// take (<see cref="CaseRules.Offered"/>). Each form posts its action through <see cref="CaseWorkflow"/>, exactly as the
/// API's endpoint for it does, at the version shown: a step that is no longer legal, or a colleague who acted first, is a
/// message on the page (the API's 409), never an error page.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.HandleCases)]
internal sealed class CaseModel(CaseWorkflow workflow, ServiceDeskDbContext db, IAreaScope scope, IEnumerable<IRegionNames> regionNames,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public CaseAction? Action { get; set; }
    [BindProperty] public int? Version { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Days { get; set; }
    [BindProperty] public bool? Approve { get; set; }
    [BindProperty] public NonCountingSteps? Step { get; set; }
    [BindProperty] public HandOverMethod? Method { get; set; }
    [BindProperty] public string? Mandate { get; set; }
    [BindProperty] public List<long> Received { get; set; } = [];
    /// <summary>Per material id: Missing or Defective (the notice), and why.</summary>
    [BindProperty] public Dictionary<long, string> Problem { get; set; } = [];
    [BindProperty] public Dictionary<long, string> ProblemReason { get; set; } = [];
    /// <summary>Per material id: the date the applicant commits to bring it by (容缺).</summary>
    [BindProperty] public Dictionary<long, DateOnly?> Deferred { get; set; } = [];
    [BindProperty] public long? VisitId { get; set; }
    [BindProperty] public DateTime? ScheduledAt { get; set; }
    [BindProperty] public DateTime? VisitedAt { get; set; }
    [BindProperty] public string? Outcome { get; set; }

    public CaseView View { get; private set; } = null!;
    public NonCountingSteps NonCounting { get; private set; }
    /// <summary>The promised time limit in working days of the version the case runs under.</summary>
    public int PromisedDays { get; private set; }
    public IReadOnlyDictionary<string, string> Places { get; private set; } = new Dictionary<string, string>();
    public string? Message { get; private set; }
    public string? Done { get; private set; }

    public bool Offers(CaseAction action) => View.Actions.Any(a => a.Action == action);

    /// <summary>A case outside the caller's scope (or none) is a 404 page, as the API's 404.</summary>
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostActAsync(long id, CancellationToken ct)
    {
        try
        {
            if (Action is not { } action || !Enum.IsDefined(action)) throw ValidationFailedException.For("Action", "请选择要执行的操作。");
            var actor = CaseActor.From(User, scope);
            var loaded = await workflow.LoadAsync(id, Version, ct);
            await ActAsync(loaded, actor, action, ct);
            await workflow.SaveAsync(loaded.Case, ct);
            TempData["Done"] = text["已{0}。", CaseLabels.Action(action).In(text)].Value;
            return Redirect("/service-desk/cases/" + id.ToString(CultureInfo.InvariantCulture));
        }
        catch (ValidationFailedException e)
        {
            Message = string.Join(" ", e.Localized(text).SelectMany(x => x.Value));
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (CallerFacingException e)
        {
            Message = e.Phrase.In(text);
        }
        // What the failed step changed in memory is dropped: the page shows the case as it is saved.
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task ActAsync(LoadedCase c, CaseActor a, CaseAction action, CancellationToken ct)
    {
        switch (action)
        {
            case CaseAction.Notice:
                var demands = new List<NoticeDemand>();
                foreach (var (material, problem) in Problem)
                {
                    if (string.IsNullOrWhiteSpace(problem)) continue;
                    if (!Enum.TryParse<MaterialStatus>(problem, out var status) || status is not (MaterialStatus.Missing or MaterialStatus.Defective))
                        throw ValidationFailedException.For("Items", "告知的材料应为“缺少”或“不符合要求”。");
                    demands.Add(new NoticeDemand(material, status, ProblemReason.GetValueOrDefault(material) ?? ""));
                }
                await workflow.NoticeAsync(c, a, demands, ct);
                break;
            case CaseAction.Complete:
                await workflow.CompleteAsync(c, a, Received, ct);
                break;
            case CaseAction.Accept:
                workflow.Accept(c, a, Received, Deferred.Where(d => d.Value is not null).Select(d => (d.Key, d.Value!.Value)).ToList(), Note);
                break;
            case CaseAction.Refuse:
                workflow.Refuse(c, a, Reason);
                break;
            case CaseAction.Forward:
                workflow.Forward(c, a, Note);
                break;
            case CaseAction.Review:
                workflow.Review(c, a, Note);
                break;
            case CaseAction.Suspend:
                workflow.Suspend(c, a, Step ?? NonCountingSteps.None, Reason);
                break;
            case CaseAction.Resume:
                workflow.Resume(c, a, Note);
                break;
            case CaseAction.Extend:
                workflow.Extend(c, a, Days ?? 0, Reason);
                break;
            case CaseAction.DecideExtension:
                workflow.DecideExtension(c, a, Approve ?? throw ValidationFailedException.For("Approve", "请选择是否同意延期。"), Note);
                break;
            case CaseAction.Approve:
                workflow.Decide(c, a, true, Note);
                break;
            case CaseAction.Reject:
                workflow.Decide(c, a, false, Reason);
                break;
            case CaseAction.HandOver:
                workflow.HandOver(c, a, Method ?? HandOverMethod.Window, Note);
                break;
            case CaseAction.Proxy:
                workflow.Proxy(c, a, Mandate, a.UserId, a.Name);
                break;
            case CaseAction.HomeVisit:
                await workflow.HomeVisitAsync(c, a, VisitId, ScheduledAt, VisitedAt, Outcome, ct);
                break;
            default:
                // 逾期视为受理 is the platform's, never a person's: the table's answer for it is the API's.
                throw new ForbiddenException("您不能对此办件执行“{0}”。", CaseLabels.Action(action));
        }
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        LoadedCase loaded;
        try
        {
            loaded = await workflow.LoadAsync(id, null, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        View = await workflow.ViewAsync(loaded, CaseActor.From(User, scope), ct);
        NonCounting = loaded.Version.NonCountingSteps;
        PromisedDays = loaded.Version.PromisedLimitDays;
        if (regionNames.FirstOrDefault() is { } names) Places = await names.NamesAsync([View.AcceptingCommunityCode, View.HomeCommunityCode], ct);
        return true;
    }
}
