using System.ComponentModel.DataAnnotations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Modules.Requests.Features.Photos;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// One ticket for the staff who handle or supervise it (§7): facts, units, photos, map point and the whole history, and
/// the forms of the actions the caller may take in its state. Every form posts to a handler here that runs the module's
/// workflow step through <see cref="TicketActionRunner"/> — the same path as the API's action endpoints — so the rules
/// live in one place. An action that does not fit the state comes back as a message naming the current state; a
/// ticket changed by someone else since the page was loaded comes back as a message asking to reload.
/// </summary>
[Authorize(Policy = Permissions.HandleRequests)]
internal sealed class TicketModel(RequestsDbContext db, TicketActionRunner runner, UnitNames units, TicketPhotos photos, IAreaScope scope, CategoryCatalog catalog,
    IOptions<RequestsOptions> options, TimeProvider clock, IAuditLog audit) : PageModel
{
    public TicketView Ticket { get; private set; } = null!;
    public string CategoryPath { get; private set; } = "";
    public Dictionary<string, string> UnitLabels { get; private set; } = [];
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public IReadOnlyList<string> PhotoNames { get; private set; } = [];
    public Actor Me { get; private set; } = Actor.System;
    public string? Message { get; private set; }

    /// <summary>Earlier open tickets of the same category nearby, offered to the centre for merging (§3).</summary>
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

    // ---- what the page offers (the workflow decides again when the form is posted) ------------------------------------

    private bool Open => Ticket.State is not (TicketState.Closed or TicketState.Merged);
    public bool CanDispatch => Me.IsCentre && Ticket.State is TicketState.Received or TicketState.Returned;
    public bool CanAnswerDirectly => Me.IsCentre && Ticket.State == TicketState.Received;
    public bool CanSignOrReturn => Me.ActsFor(Ticket.AssignedUnitCode) && Ticket.State == TicketState.Dispatched;
    public bool CanHandle => Me.ActsFor(Ticket.AssignedUnitCode) && Ticket.State == TicketState.InProgress;
    public bool CanRequestExtension => CanHandle && Ticket.ExtensionRequestedDays is null;
    public bool CanResume => (Me.ActsFor(Ticket.AssignedUnitCode) || Me.IsCentre) && Ticket.State == TicketState.Suspended;
    public bool CanWhistle => Me.WorksIn(Ticket.CommunityCode) && Ticket.State is TicketState.Received or TicketState.Dispatched or TicketState.InProgress;
    public bool CanReportIn => Me.DepartmentCode is { } d && Open && Ticket.Units.Any(u => u.Role == "Summoned" && u.UnitCode == d && u.ReportedAt is null);
    public bool CanDecideExtension => (Me.IsCentre || Me.Supervises(Ticket.CommunityCode)) && Ticket.ExtensionRequestedDays is not null
                                      && Ticket.State is TicketState.InProgress or TicketState.Suspended;
    public bool CanVisitBack => Me.IsCentre && Ticket.State == TicketState.Replied;
    public bool CanMerge => Me.IsCentre && Ticket.State is TicketState.Received or TicketState.Returned;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        Message = TempData["Message"] as string;
        if (await LoadAsync(id, ct)) return Page();
        await GetTicketEndpoint.RecordIfOutOfScopeAsync(audit, db, t => t.Id == id, ct);
        return NotFound();
    }

    /// <summary>A photo of the ticket, only after the ticket was found in the caller's scope.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(long id, string? name, CancellationToken ct)
    {
        if (name is null || !await db.Tickets.AsNoTracking().AnyAsync(t => t.Id == id, ct)) return NotFound();
        if (photos.Find(id, name) is not { } path) return NotFound();
        Response.Headers.CacheControl = "private, max-age=3600";
        return PhysicalFile(path, TicketPhotos.ContentType(Path.GetExtension(path).TrimStart('.')));
    }

    public Task<IActionResult> OnPostDispatchAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已派单。", (w, t, a) => w.DispatchAsync(t, a, UnitCode, Text, ct), ct);

    public Task<IActionResult> OnPostAnswerAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已直接答复并办结。", (w, t, a) => w.CloseAsync(t, a, Required(), ct), ct);

    public Task<IActionResult> OnPostSignAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已签收。", (w, t, a) => { w.Sign(t, a, Text); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostReturnAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已退单。", (w, t, a) => { w.Return(t, a, Required()); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostReplyAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已答复。", (w, t, a) => w.ReplyAsync(t, a, Required(), ct), ct);

    public Task<IActionResult> OnPostExtensionAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已申请延期。", (w, t, a) =>
        {
            if (Days is not (>= 1 and <= 60)) throw ValidationFailedException.For(nameof(Days), "延期天数为 1 至 60 个工作日。");
            w.RequestExtension(t, a, Days.Value, Required());
            return Task.CompletedTask;
        }, ct);

    public Task<IActionResult> OnPostDecideExtensionAsync(long id, CancellationToken ct) =>
        ActAsync(id, Approve ? "已批准延期。" : "已驳回延期。", (w, t, a) => { w.DecideExtension(t, a, Approve, Text); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostSuspendAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已挂起。", (w, t, a) => { w.Suspend(t, a, Required()); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostResumeAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已解挂。", (w, t, a) => { w.Resume(t, a, Text); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostWhistleAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已吹哨，被召集部门将收到通知。", (w, t, a) => w.WhistleAsync(t, a, DepartmentCodes, Text, ct), ct);

    public Task<IActionResult> OnPostCoHandleAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已加派协办单位。", (w, t, a) => w.AddCoHandlersAsync(t, a, DepartmentCodes, Text, ct), ct);

    public Task<IActionResult> OnPostReportInAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已报到。", (w, t, a) => { w.ReportIn(t, a, Required()); return Task.CompletedTask; }, ct);

    public Task<IActionResult> OnPostEvaluateAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已记录回访评价。", (w, t, a) =>
            Rating is { } rating ? w.EvaluateAsync(t, a, rating, Text, ct) : throw ValidationFailedException.For(nameof(Rating), "请选择评价。"), ct);

    public Task<IActionResult> OnPostMergeAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已并入工单，答复将一并告知本诉求人。", async (w, t, a) =>
        {
            var into = IntoTicketId is { } intoId ? await db.Tickets.FirstOrDefaultAsync(x => x.Id == intoId, ct) : null;
            w.Merge(t, into ?? throw ValidationFailedException.For(nameof(IntoTicketId), "请选择要并入的工单。"), a);
        }, ct);

    public Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        ActAsync(id, "已办结。", (w, t, a) => w.CloseAsync(t, a, Required(), ct), ct);

    private string Required() => string.IsNullOrWhiteSpace(Text) ? throw ValidationFailedException.For(nameof(Text), "请填写意见或原因。") : Text.Trim();

    private async Task<IActionResult> ActAsync(long id, string done, Func<TicketWorkflow, Ticket, Actor, Task> act, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Message = "输入有误，请检查后重新提交。";
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
            Message = invalid.Errors.Values.SelectMany(m => m).FirstOrDefault(m => m.Any(c => c > 0x2E80)) ?? "输入有误，请检查后重新提交。";
        }
        catch (ForbiddenException)
        {
            Message = "您的单位不能对这张工单执行此操作。";
        }
        catch (ConflictException conflict)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(id, ct)) return NotFound();
            Message = Version is { } seen && seen != Ticket.Version ? "工单已被他人更新，请刷新页面后重试。"
                : conflict.Details.TryGetValue("pendingDepartments", out var pending) && pending is IEnumerable<string> list
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "尚有被召集部门未报到（{0}），暂不能答复或办结。", string.Join("、", list.Select(c => UnitLabels.GetValueOrDefault(c, c))))
                    : "当前状态下不能执行此操作。";
            return Page();
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Units).Include(t => t.Actions).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null) return false;
        Me = Actor.From(User, scope);
        Ticket = TicketView.Of(ticket, TicketViewRule.AudienceOf(Me), ticket.Actions);
        CategoryPath = (await CategoryPaths.TreeAsync(catalog, ct)).PathOf(ticket.CategoryId);
        UnitLabels = await units.NamesAsync(Ticket.Actions!.Select(a => a.UnitCode).Concat(Ticket.Units.Select(u => u.UnitCode))
            .Append(Ticket.AssignedUnitCode).Append(Ticket.CommunityCode).Append(Ticket.GridCode), ct);
        Departments = await units.DepartmentsAsync(ct);
        PhotoNames = photos.List(id);
        if (CanMerge)
        {
            PossibleDuplicates = await Duplicates.EarlierAsync(db, ticket, options.Value.DuplicateDays, clock.GetUtcNow().UtcDateTime, ct);
        }
        return true;
    }
}
