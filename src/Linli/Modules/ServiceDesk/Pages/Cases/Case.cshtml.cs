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
    IStringLocalizer<SharedResource> text, Features.CaseFiles.CaseMaterialFiles files) : PageModel
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

    /// <summary>A file handed in online for one of the case's materials; outside the caller's scope (or none), 404.</summary>
    public async Task<IActionResult> OnGetFileAsync(long id, long material, string? name, CancellationToken ct)
    {
        if (name is null || await files.OpenAsync(id, material, name, ct) is not { } file) return NotFound();
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(file.Stream, file.ContentType, name);
    }

    public async Task<IActionResult> OnPostActAsync(long id, CancellationToken ct)
    {
        try
        {
            if (Action is not { } action || !Enum.IsDefined(action)) throw ValidationFailedException.For("Action", "请选择要执行的操作。");
            await CaseActionDispatch.RunAsync(workflow, id, Version, action, Input(action), CaseActor.From(User, scope), ct);
            TempData["Done"] = text["已{0}。", CaseLabels.Action(action).In(text)].Value;
            return Redirect("/service-desk/cases/" + id.ToString(CultureInfo.InvariantCulture));
        }
        catch (ValidationFailedException e)
        {
            Message = e.Sentence(text);
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

    /// <summary>The form's fields as the action's input (the notice's per-material choices parsed here, the rest as posted).</summary>
    private CaseActionInput Input(CaseAction action)
    {
        var demands = new List<NoticeDemand>();
        foreach (var (material, problem) in action == CaseAction.Notice ? Problem : [])
        {
            if (string.IsNullOrWhiteSpace(problem)) continue;
            if (!Enum.TryParse<MaterialStatus>(problem, out var status) || status is not (MaterialStatus.Missing or MaterialStatus.Defective))
                throw ValidationFailedException.For("Items", "告知的材料应为“缺少”或“不符合要求”。");
            demands.Add(new NoticeDemand(material, status, ProblemReason.GetValueOrDefault(material) ?? ""));
        }
        return new CaseActionInput
        {
            Note = Note, Reason = Reason, Demands = demands, Received = Received,
            Deferred = Deferred.Where(d => d.Value is not null).Select(d => (d.Key, d.Value!.Value)).ToList(),
            Step = Step ?? NonCountingSteps.None, Days = Days ?? 0, Approve = Approve, Method = Method ?? HandOverMethod.Window, Mandate = Mandate,
            VisitId = VisitId, ScheduledAt = ScheduledAt, VisitedAt = VisitedAt, Outcome = Outcome,
        };
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
