using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Modules.ServiceDesk.Features.Catalog;
using Linli.Modules.ServiceDesk.Features.Catalog.EditItem;
using Linli.Modules.ServiceDesk.Features.Catalog.PublishItem;
using Linli.Modules.ServiceDesk.Features.Catalog.RetireItem;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Catalog.Admin;

/// <summary>One material row of the edit form; a row left without a name is an unused blank row.</summary>
internal sealed class MaterialForm
{
    public string? Name { get; set; }
    public bool Original { get; set; }
    public bool Electronic { get; set; }
    public int Copies { get; set; } = 1;
    public bool Mandatory { get; set; } = true;
    public string? Condition { get; set; }
    public bool AcceptLater { get; set; }
    public SuppliedProof Supplied { get; set; }
}

/// <summary>
/// Editing an item's draft (materials included), publishing it and retiring the item — the same use cases as
/// PUT /api/service-items/{code}/draft, POST …/publish and …/retire. Publication errors are listed field by field, and
/// what was typed stays in the form. Saving a published item opens the next draft; the published version is never changed.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.ConfigureCatalog)]
internal sealed class ItemModel(ServiceDeskDbContext db, IDepartmentDirectory departments, TimeProvider clock, IAreaScope scope, IStringLocalizer<Linli.Platform.Localization.SharedResource> text)
    : PageModel
{
    public const int BlankRows = 3;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? DepartmentCode { get; set; }
    [BindProperty] public string? LegalBasis { get; set; }
    [BindProperty] public string? Conditions { get; set; }
    [BindProperty] public PopulationTagKind? RequiredTag { get; set; }
    [BindProperty] public int? MinimumAge { get; set; }
    [BindProperty] public string? Fee { get; set; }
    [BindProperty] public int LegalLimitDays { get; set; }
    [BindProperty] public int PromisedLimitDays { get; set; }
    [BindProperty] public List<HandlingModes> Modes { get; set; } = [];
    [BindProperty] public bool CityWide { get; set; }
    [BindProperty] public List<CommunitySteps> Steps { get; set; } = [];
    [BindProperty] public List<NonCountingSteps> NonCounting { get; set; } = [];
    [BindProperty] public List<MaterialForm> Materials { get; set; } = [];

    public ItemVersionView Current { get; private set; } = null!;
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Done { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        if (!await LoadAsync(code, ct)) return NotFound();
        Fill(GuideOf(Current));
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, CancellationToken ct) => await RunAsync(code, async () =>
    {
        await EditItemEndpoints.SaveDraftAsync(code, null, Guide(), db, departments, clock, ct);
        return "草稿已保存。";
    }, ct);

    public async Task<IActionResult> OnPostPublishAsync(string code, CancellationToken ct) => await RunAsync(code, async () =>
    {
        // What is in the form is saved first, so that what is published is what the administrator sees.
        await EditItemEndpoints.SaveDraftAsync(code, null, Guide(), db, departments, clock, ct);
        db.ChangeTracker.Clear();
        await PublishItemEndpoint.PublishAsync(code, db, departments, clock, scope.UserName ?? "", ct);
        return "已发布，新版本即时生效。";
    }, ct);

    public async Task<IActionResult> OnPostRetireAsync(string code, CancellationToken ct) => await RunAsync(code, async () =>
    {
        await RetireItemEndpoint.RetireAsync(code, db, ct);
        return "事项已停用。";
    }, ct);

    private async Task<IActionResult> RunAsync(string code, Func<Task<string>> action, CancellationToken ct)
    {
        try
        {
            TempData["Done"] = await action();
            return Redirect($"/services/admin/items/{code}");
        }
        catch (ValidationFailedException e)
        {
            Errors = e.Localized(text);
            Message = e.Message;
        }
        catch (ConflictException e)
        {
            Message = e.Phrase.In(text);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(code, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        try
        {
            Current = await EditItemEndpoints.DraftAsync(code, db, departments, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Departments = await departments.ListAsync(cancellationToken: ct);
        return true;
    }

    private void Fill(ItemGuide g)
    {
        Name = g.Name; DepartmentCode = g.DepartmentCode; LegalBasis = g.LegalBasis; Conditions = g.Conditions; RequiredTag = g.RequiredTag;
        MinimumAge = g.MinimumAge; Fee = g.Fee; LegalLimitDays = g.LegalLimitDays; PromisedLimitDays = g.PromisedLimitDays; CityWide = g.CityWide;
        Modes = [.. CatalogLabels.Modes.Where(m => g.Modes.HasFlag(m))];
        Steps = [.. ItemRules.StepOrder.Where(s => g.CommunitySteps.HasFlag(s))];
        NonCounting = [.. CatalogLabels.NonCounting.Where(s => g.NonCountingSteps.HasFlag(s))];
        Materials = [.. (g.Materials ?? []).Select(m => new MaterialForm
        {
            Name = m.Name, Original = m.Original, Electronic = m.Electronic, Copies = m.Copies, Mandatory = m.Mandatory, Condition = m.Condition,
            AcceptLater = m.AcceptLater, Supplied = m.Supplied,
        })];
    }

    /// <summary>The form as a guide; blank material rows are dropped, so the numbers in errors match the rows that were filled.</summary>
    private ItemGuide Guide()
    {
        Materials = [.. Materials.Where(m => !string.IsNullOrWhiteSpace(m.Name) || !string.IsNullOrWhiteSpace(m.Condition))];
        return new ItemGuide
        {
            Name = Name, DepartmentCode = DepartmentCode, LegalBasis = LegalBasis, Conditions = Conditions, RequiredTag = RequiredTag, MinimumAge = MinimumAge,
            Fee = Fee, LegalLimitDays = LegalLimitDays, PromisedLimitDays = PromisedLimitDays, CityWide = CityWide,
            Modes = Modes.Aggregate(HandlingModes.None, (a, m) => a | m),
            CommunitySteps = Steps.Aggregate(CommunitySteps.None, (a, s) => a | s),
            NonCountingSteps = NonCounting.Aggregate(NonCountingSteps.None, (a, s) => a | s),
            Materials = [.. Materials.Select(m => new MaterialGuide
            {
                Name = m.Name, Original = m.Original, Electronic = m.Electronic, Copies = m.Copies, Mandatory = m.Mandatory, Condition = m.Condition,
                AcceptLater = m.AcceptLater, Supplied = m.Supplied,
            })],
        };
    }

    private static ItemGuide GuideOf(ItemVersionView v) => new()
    {
        Name = v.Name, DepartmentCode = v.DepartmentCode, LegalBasis = v.LegalBasis, Conditions = v.Conditions, RequiredTag = v.RequiredTag, MinimumAge = v.MinimumAge,
        Fee = v.Fee, LegalLimitDays = v.LegalLimitDays, PromisedLimitDays = v.PromisedLimitDays, Modes = v.Modes, CityWide = v.CityWide,
        CommunitySteps = v.CommunitySteps, NonCountingSteps = v.NonCountingSteps,
        Materials = [.. v.Materials.Select(m => new MaterialGuide
        {
            Name = m.Name, Original = m.Original, Electronic = m.Electronic, Copies = m.Copies, Mandatory = m.Mandatory, Condition = m.Condition,
            AcceptLater = m.AcceptLater, Supplied = m.Supplied,
        })],
    };

    public string[] ErrorsOf(string field) => Errors.GetValueOrDefault(field, []);
}
