using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.ReceiveCase;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Linli.Platform.Localization;
using Linli.Platform.PersonalData;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>An item as the intake form offers it: its published version's modes and materials.</summary>
internal sealed record IntakeItem(string Code, string Name, HandlingModes Modes, IReadOnlyList<IntakeMaterial> Materials);

internal sealed record IntakeMaterial(long Id, int Position, string Name, bool Mandatory, string? Condition, bool AcceptLater, bool Supplied);

/// <summary>Whom the window receives for: a resident picked from the pool by the number on their ID card, or a person new to the pool.</summary>
internal enum IntakeApplicant
{
    Pool = 0,
    NewToPool = 1,
}

/// <summary>
/// 一窗受理: the window receives an application. First the item (a plain GET: nothing personal in the address), from the
/// items the catalog offers in the worker's community (city-wide ones and those on the district's 代办 list); then the
/// applicant — a resident of the pool by the number on their ID card, or a person new to the pool with name, checked ID
/// number, phone and home community (<see cref="ApplicantInput.NewToPool"/>: a number that turns out to be a resident's
/// outside the worker's area is linked without the page saying so) — the handling mode and the
/// materials in hand, posted to the same <see cref="CaseIntake"/> as POST /api/service-cases under the form's submission
/// key, so a double click or a refresh creates one case. A refusal is a message at the field it names, with what was typed kept.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.HandleCases)]
[EnableRateLimiting(RateLimitPolicies.Intake)]
internal sealed class NewModel(ServiceDeskDbContext db, CaseIntake intake, IdempotencyStore<ServiceDeskDbContext> idempotency, IAreaScope scope,
    IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true), MaxLength(64)] public string? ItemCode { get; set; }
    [BindProperty, MaxLength(18)] public string? IdNumber { get; set; }
    [BindProperty, MaxLength(50)] public string? Name { get; set; }
    [BindProperty, MaxLength(12)] public string? HomeCommunityCode { get; set; }
    [BindProperty, MaxLength(PhoneNumber.MaxInputLength)] public string? Phone { get; set; }
    [BindProperty] public IntakeApplicant Applicant { get; set; } = IntakeApplicant.Pool;
    [BindProperty] public HandlingModes Mode { get; set; } = HandlingModes.Window;
    [BindProperty] public List<long> Received { get; set; } = [];
    [BindProperty] public string? SubmissionKey { get; set; }

    /// <summary>The community whose window this is; null for staff above a community (who do not receive cases).</summary>
    public string? Community { get; private set; }
    public List<(string Code, string Name)> Items { get; private set; } = [];
    public IntakeItem? Chosen { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
        // A fresh form: the materials are ticked as the worker checks them, none in advance.
        Received = [];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var actor = CaseActor.From(User, scope);
        var isNew = Applicant == IntakeApplicant.NewToPool;
        // What the other choice's fields hold is not sent: a pool resident's name and community are the pool's.
        var applicant = isNew ? new ApplicantInput(IdNumber, Name, HomeCommunityCode, Phone, NewToPool: true) : new ApplicantInput(IdNumber, NewToPool: false);
        var key = IdempotencyKey.Parse(SubmissionKey) is { } given
            ? new IdempotencyKey("user:" + actor.UserId, given, IdempotencyKey.Fingerprint(
                ["POST /service-desk/cases/new", ItemCode, Mode.ToString(), Applicant.ToString(), IdNumber?.Trim(), applicant.Name?.Trim(), applicant.HomeCommunityCode?.Trim(),
                    applicant.Phone?.Trim(),
                    .. Received.Order().Select(r => r.ToString(CultureInfo.InvariantCulture))]))
            : null;
        try
        {
            if (key is not null && await idempotency.FindAsync(key, ct) is { Location: { } earlier }) return Redirect(earlier);
            var c = await intake.ReceiveAsync(applicant, ItemCode, Mode, actor, Received, ct);
            if (key is null)
            {
                await db.SaveChangesAsync(ct);
                return Redirect(CasePath(c.Id));
            }
            var answer = await idempotency.SaveAsync(key, () => new IdempotentAnswer(StatusCodes.Status303SeeOther, null, null, CasePath(c.Id)), ct);
            if (answer.Location == CasePath(c.Id)) TempData["Done"] = text["已收件，办件编号 {0}。", c.Number].Value;
            return Redirect(answer.Location!);
        }
        catch (ValidationFailedException e)
        {
            e.AddTo(ModelState, text, FormField);
        }
        catch (CallerFacingException e)
        {
            Message = e.Phrase.In(text);
        }
        catch (IdempotencyKeyReusedException)
        {
            Message = text["该表单已提交过，请重新填写。"];
            SubmissionKey = Guid.NewGuid().ToString("N");
        }
        return Page();
    }

    private static string CasePath(long id) => "/service-desk/cases/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The intake's field names (the API's JSON paths) as this form spells them.</summary>
    private static string FormField(string field) => field switch
    {
        "Applicant.IdNumber" => nameof(IdNumber),
        "Applicant.Name" => nameof(Name),
        "Applicant.HomeCommunityCode" => nameof(HomeCommunityCode),
        "Applicant.Phone" => nameof(Phone),
        _ => field,
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        var prefix = scope.CommunityPrefix;
        Community = prefix is { Length: 12 } ? prefix : null;
        if (Community is null)
        {
            Message ??= text["只有社区（村）工作人员可以在窗口收件。"];
            return;
        }
        var district = Community[..6];
        var offered = db.ReceivableIn(district);
        Items = (await offered.OrderBy(x => x.Version.Name).Select(x => new { x.Item.Code, x.Version.Name }).Take(1000).ToListAsync(ct))
            .Select(x => (x.Code, x.Name)).ToList();
        if (string.IsNullOrWhiteSpace(ItemCode)) return;
        var code = ItemCode.Trim();
        var chosen = await offered.Where(x => x.Item.Code == code).Select(x => new { x.Item.Code, x.Version.Id, x.Version.Name, x.Version.Modes }).FirstOrDefaultAsync(ct);
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(ItemCode), text["本社区不能受理事项 {0}，请从清单中选择。", code]);
            return;
        }
        var materials = await db.ItemMaterials.AsNoTracking().Where(m => m.VersionId == chosen.Id).OrderBy(m => m.Position)
            .Select(m => new IntakeMaterial(m.Id, m.Position, m.Name, m.Mandatory, m.Condition, m.AcceptLater, m.Supplied != SuppliedProof.None)).ToListAsync(ct);
        Chosen = new IntakeItem(chosen.Code, chosen.Name, chosen.Modes, materials);
    }
}
