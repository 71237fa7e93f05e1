using System.ComponentModel.DataAnnotations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FindDuplicates;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Modules.Requests.Features.Photos;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// One ticket for the staff who handle or supervise it: facts, units, photos, map point and the whole history, and the
/// forms of the actions the caller may take in its state — each shown exactly when <see cref="TicketRules"/> lets the
/// caller take it. Every form posts to a handler here that runs the module's workflow step through
/// <see cref="TicketActionRunner"/> — the same path as the API's action endpoints. An action that no longer fits the
/// state (the page was stale) comes back as a message naming the current state; a ticket changed by someone else since
/// the page was loaded comes back as a message asking to reload.
/// </summary>
[Authorize(Policy = RequestsPermissions.HandleRequests)]
internal sealed class TicketModel(RequestsDbContext db, TicketActionRunner runner, UnitNames units, TicketPhotos photos, IAreaScope scope, CategoryCatalog catalog,
    IOptions<RequestsOptions> options, TimeProvider clock, IAuditLog audit, IStringLocalizer<SharedResource> text) : PageModel
{
    public TicketView Ticket { get; private set; } = null!;
    public string CategoryPath { get; private set; } = "";
    public CategoryTree Tree { get; private set; } = new([]);
    public Dictionary<string, string> UnitLabels { get; private set; } = [];
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public IReadOnlyList<string> PhotoNames { get; private set; } = [];
    public Actor Me { get; private set; } = Actor.System;

    /// <summary>Why the form was refused, already in the page's language (a workflow refusal carries arguments the view cannot translate).</summary>
    public string? Message { get; private set; }

    /// <summary>Earlier open tickets of the same category nearby, offered to the centre for merging.</summary>
    public IReadOnlyList<DuplicateCandidate> PossibleDuplicates { get; private set; } = [];
    public string? Done { get; private set; }

    [BindProperty] public int? Version { get; set; }
    [BindProperty, MaxLength(RequestLimits.Opinion, ErrorMessage = "内容不能超过 2000 个字。")] public string? Text { get; set; }
    [BindProperty] public string? UnitCode { get; set; }
    [BindProperty] public List<string> DepartmentCodes { get; set; } = [];
    [BindProperty] public int? Days { get; set; }
    [BindProperty] public bool Approve { get; set; }
    [BindProperty] public Rating? Rating { get; set; }
    [BindProperty] public long? IntoTicketId { get; set; }
    /// <summary>The summoned department a withdrawal or a report recorded for it is about.</summary>
    [BindProperty] public string? Department { get; set; }
    [BindProperty, MaxLength(RequestLimits.PersonName, ErrorMessage = "报到人不能超过 100 个字。")] public string? ReportedBy { get; set; }
    [BindProperty] public int? NewCategoryId { get; set; }

    // ---- what the page offers: each form is shown exactly when the ticket rules let the caller take its action ------------

    /// <summary>The page's forms, by the handler each posts to, and the action of <see cref="TicketRules"/> that decides whether it is shown.</summary>
    internal static readonly IReadOnlyDictionary<string, TicketActionKind> Forms = new Dictionary<string, TicketActionKind>
    {
        ["Dispatch"] = TicketActionKind.Dispatch, ["Merge"] = TicketActionKind.Merge, ["Answer"] = TicketActionKind.AnswerDirectly,
        ["Sign"] = TicketActionKind.Sign, ["Return"] = TicketActionKind.Return, ["Whistle"] = TicketActionKind.Whistle,
        ["ReportIn"] = TicketActionKind.ReportIn, ["Reply"] = TicketActionKind.Reply, ["Extension"] = TicketActionKind.RequestExtension,
        ["Suspend"] = TicketActionKind.Suspend, ["CoHandle"] = TicketActionKind.AddCoHandlers, ["Resume"] = TicketActionKind.Resume,
        // Approving and refusing share one rule; the form offers both.
        ["DecideExtension"] = TicketActionKind.ApproveExtension,
        // A verdict either closes or reopens the ticket; both are the same rule of who and when.
        ["Evaluate"] = TicketActionKind.Evaluate, ["Close"] = TicketActionKind.Close,
        ["WithdrawSummons"] = TicketActionKind.WithdrawSummons, ["ReportInOnBehalf"] = TicketActionKind.ReportInOnBehalf,
        ["ChangeCategory"] = TicketActionKind.ChangeCategory,
    };

    private Ticket _ticket = null!;

    /// <summary>Whether the form posting to <paramref name="handler"/> is shown: the workflow would accept it from the caller now.</summary>
    public bool Offers(string handler) => TicketRules.Allows(Forms[handler], Me, _ticket);

    /// <summary>
    /// The caller would answer (reply, close, answer directly) but may not yet because summoned departments have not
    /// reported in: those departments, to say so instead of a form that would be refused.
    /// </summary>
    public IReadOnlyList<string> AwaitedReportIns =>
        new[] { TicketActionKind.Reply, TicketActionKind.Close, TicketActionKind.AnswerDirectly }
            .Any(action => TicketRules.Check(action, Me, _ticket).Unmet == TicketRules.SummonsAnswered)
            ? _ticket.PendingSummons.Select(u => u.UnitCode).ToList() : [];

    /// <summary>The summons still waiting for their departments, oldest first, with their due times and whether they went to the district.</summary>
    public IReadOnlyList<TicketUnit> PendingSummons => _ticket.PendingSummons.OrderBy(u => u.AddedAt).ThenBy(u => u.Id).ToList();

    /// <summary>Whether changing the category now re-routes the ticket (before dispatch) or only corrects it (after).</summary>
    public bool CategoryChangeReroutes => _ticket.State is TicketState.Received or TicketState.Returned;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        Message = TempData["Message"] is string message ? text[message].Value : null;
        if (await LoadAsync(id, ct)) return Page();
        await GetTicketEndpoint.RecordIfOutOfScopeAsync(audit, db, t => t.Id == id, ct);
        return NotFound();
    }

    /// <summary>A photo of the ticket, only after the ticket was found in the caller's scope.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, string? name, CancellationToken ct)
    {
        if (name is null || await photos.OpenAsync(id, name, ct) is not { } photo) return NotFound();
        Response.Headers.CacheControl = "private, max-age=3600";
        return File(photo.Stream, photo.ContentType);
    }

    public Task<IActionResult> OnPostDispatchAsync(long id, CancellationToken ct) => ActAsync(id, "Dispatch", "已派单。", ct);
    public Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct) => ActAsync(id, "Answer", "已直接答复并办结。", ct);
    public Task<IActionResult> OnPostSignAsync(long id, CancellationToken ct) => ActAsync(id, "Sign", "已签收。", ct);
    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) => ActAsync(id, "Return", "已退单。", ct);
    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) => ActAsync(id, "Reply", "已答复。", ct);
    public Task<IActionResult> OnPostExtensionAsync(long id, CancellationToken ct) => ActAsync(id, "Extension", "已申请延期。", ct);
    public Task<IActionResult> OnPostDecideExtensionAsync(long id, CancellationToken ct) => ActAsync(id, "DecideExtension", Approve ? "已批准延期。" : "已驳回延期。", ct);
    public Task<IActionResult> OnPostSuspendAsync(long id, CancellationToken ct) => ActAsync(id, "Suspend", "已挂起。", ct);
    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken ct) => ActAsync(id, "Resume", "已解挂。", ct);
    public Task<IActionResult> OnPostWhistleAsync(long id, CancellationToken ct) => ActAsync(id, "Whistle", "已吹哨，被召集部门将收到通知。", ct);
    public Task<IActionResult> OnPostCoHandleAsync(long id, CancellationToken ct) => ActAsync(id, "CoHandle", "已加派协办单位。", ct);
    public Task<IActionResult> OnPostReportInAsync(long id, CancellationToken ct) => ActAsync(id, "ReportIn", "已报到。", ct);
    public Task<IActionResult> OnPostEvaluateAsync(long id, CancellationToken ct) => ActAsync(id, "Evaluate", "已记录回访评价。", ct);
    public Task<IActionResult> OnPostMergeAsync(long id, CancellationToken ct) => ActAsync(id, "Merge", "已并入工单，答复将一并告知本诉求人。", ct);
    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) => ActAsync(id, "Close", "已办结。", ct);
    public Task<IActionResult> OnPostWithdrawSummonsAsync(long id, CancellationToken ct) => ActAsync(id, "WithdrawSummons", "已撤回召集，该部门将收到通知。", ct);
    public Task<IActionResult> OnPostReportInOnBehalfAsync(long id, CancellationToken ct) => ActAsync(id, "ReportInOnBehalf", "已代为登记报到，该部门将收到通知。", ct);
    public Task<IActionResult> OnPostChangeCategoryAsync(long id, CancellationToken ct) => ActAsync(id, "ChangeCategory", "已修改诉求分类。", ct);

    /// <summary>
    /// The workflow step the form posting to <paramref name="handler"/> runs, with the fields the form sent. A form runs
    /// only the action it is offered for: a stale answer form must not close a ticket that was replied meanwhile.
    /// </summary>
    internal Func<TicketWorkflow, Ticket, Actor, Task> Step(string handler, CancellationToken ct)
    {
        var action = Forms[handler];
        var step = StepOf(handler, ct);
        return (w, t, a) =>
        {
            TicketRules.Require(action, a, t);
            return step(w, t, a);
        };
    }

    private Func<TicketWorkflow, Ticket, Actor, Task> StepOf(string handler, CancellationToken ct) => handler switch
    {
        "Dispatch" => (w, t, a) => w.DispatchAsync(t, a, UnitCode, Text, ct),
        "Answer" or "Close" => (w, t, a) => w.CloseAsync(t, a, Required(), ct),
        "Sign" => Sync((w, t, a) => w.Sign(t, a, Text)),
        "Return" => (w, t, a) => w.ReturnAsync(t, a, Required(), ct),
        "Reply" => (w, t, a) => w.ReplyAsync(t, a, Required(), ct),
        "Extension" => Sync((w, t, a) =>
        {
            if (Days is not (>= 1 and <= 60)) throw ValidationFailedException.For(nameof(Days), "延期天数为 1 至 60 个工作日。");
            w.RequestExtension(t, a, Days.Value, Required());
        }),
        "DecideExtension" => Sync((w, t, a) => w.DecideExtension(t, a, Approve, Text)),
        "Suspend" => Sync((w, t, a) => w.Suspend(t, a, Required())),
        "Resume" => Sync((w, t, a) => w.Resume(t, a, Text)),
        "Whistle" => (w, t, a) => w.WhistleAsync(t, a, DepartmentCodes, Text, ct),
        "CoHandle" => (w, t, a) => w.AddCoHandlersAsync(t, a, DepartmentCodes, Text, ct),
        "ReportIn" => (w, t, a) => w.ReportInAsync(t, a, Required(), ct),
        "WithdrawSummons" => (w, t, a) => w.WithdrawSummonsAsync(t, a, Department ?? "", Required(), ct),
        "ReportInOnBehalf" => (w, t, a) => w.ReportInOnBehalfAsync(t, a, Department ?? "", Required(),
            string.IsNullOrWhiteSpace(ReportedBy) ? throw ValidationFailedException.For(nameof(ReportedBy), "请填写报到人（姓名和单位）。") : ReportedBy.Trim(), ct),
        "ChangeCategory" => (w, t, a) => w.ChangeCategoryAsync(t, a,
            NewCategoryId ?? throw ValidationFailedException.For(nameof(NewCategoryId), "请选择新的诉求分类。"), Required(), ct),
        "Evaluate" => (w, t, a) =>
            Rating is { } rating ? w.EvaluateAsync(t, a, rating, Text, ct) : throw ValidationFailedException.For(nameof(Rating), "请选择评价。"),
        "Merge" => async (w, t, a) =>
        {
            var into = IntoTicketId is { } intoId ? await db.Tickets.FirstOrDefaultAsync(x => x.Id == intoId, ct) : null;
            w.Merge(t, into ?? throw ValidationFailedException.For(nameof(IntoTicketId), "请选择要并入的工单。"), a);
        },
        _ => throw new ArgumentOutOfRangeException(nameof(handler), handler, "Not a form of the ticket page."),
    };

    private static Func<TicketWorkflow, Ticket, Actor, Task> Sync(Action<TicketWorkflow, Ticket, Actor> step) => (w, t, a) =>
    {
        step(w, t, a);
        return Task.CompletedTask;
    };

    private string Required() => string.IsNullOrWhiteSpace(Text) ? throw ValidationFailedException.For(nameof(Text), "请填写意见或原因。") : Text.Trim();

    private async Task<IActionResult> ActAsync(long id, string handler, string done, CancellationToken ct)
    {
        var act = Step(handler, ct);
        if (!ModelState.IsValid)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Message = text["输入有误，请检查后重新提交。"];
            return Page();
        }
        try
        {
            await runner.RunAsync(id, Version, act, ct);
            TempData["Done"] = done;
            return Redirect($"/requests/tickets/{id}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException invalid)
        {
            Message = invalid.Phrases.Values.SelectMany(m => m).FirstOrDefault(m => m.Key.Any(c => c > 0x2E80))?.In(text)
                      ?? invalid.Errors.Keys.Select(FieldMessage).FirstOrDefault(m => m is not null) ?? text["输入有误，请检查后重新提交。"];
        }
        catch (ForbiddenException)
        {
            Message = text["您的单位不能对这张工单执行此操作。"];
        }
        catch (ConflictException conflict)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, ct)) return NotFound();
            Message = Version is { } seen && seen != Ticket.Version ? text["工单已被他人更新，请刷新页面后重试。"]
                : handler is "WithdrawSummons" or "ReportInOnBehalf" && Offers(handler) ? text["该部门已报到或召集已撤回。"]
                : conflict.Details.TryGetValue("pendingDepartments", out var pending) && pending is IEnumerable<string> list
                    ? text["尚有被召集部门未报到（{0}），暂不能答复或办结。", text.JoinList(list.Select(c => UnitLabels.GetValueOrDefault(c, c)))]
                    : text["当前状态下不能执行此操作。"];
            return Page();
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    /// <summary>The form's words for a field the workflow refused in English (a 400 of the API).</summary>
    private string? FieldMessage(string field) => field switch
    {
        "CategoryId" => text["请选择一个可用的三级分类，且与当前分类不同。"].Value,
        "DepartmentCode" => text["该部门没有被召集到这张工单。"].Value,
        _ => null,
    };

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Units).Include(t => t.Actions).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null) return false;
        Show(ticket, Actor.From(User, scope));
        Tree = await CategoryPaths.TreeAsync(catalog, ct);
        CategoryPath = Tree.PathOf(ticket.CategoryId);
        UnitLabels = await units.NamesAsync(Ticket.Actions!.Select(a => a.UnitCode).Concat(Ticket.Units.Select(u => u.UnitCode))
            .Concat(Ticket.Actions!.Where(a => a.Action == nameof(TicketActionKind.Whistle)).SelectMany(a => RequestLabels.SummonedCodes(a.Opinion)))
            .Append(Ticket.AssignedUnitCode).Append(Ticket.CommunityCode).Append(Ticket.GridCode), ct);
        Departments = await units.DepartmentsAsync(ct);
        PhotoNames = await photos.NamesAsync(id, ct);
        if (Offers("Merge"))
        {
            PossibleDuplicates = await Duplicates.EarlierAsync(db, ticket, options.Value.DuplicateDays, clock.GetUtcNow().UtcDateTime, ct);
        }
        return true;
    }

    /// <summary>The ticket as <paramref name="me"/> sees it: the facts shown, and the forms offered by the rules.</summary>
    internal void Show(Ticket ticket, Actor me)
    {
        _ticket = ticket;
        Me = me;
        Ticket = TicketView.Of(ticket, TicketViewRule.AudienceOf(me), ticket.Actions);
    }
}
