using System.Globalization;
using Linli.Modules.Indicators.Domain.DataEntry;
using Linli.Modules.Indicators.Features.DataEntry;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Pages;

/// <summary>
/// 基础数据填报 as a page: the entered values of the caller's area with their state, the steps the caller's level may take
/// on each (EntryTransitions, the same table the API asks), and for a community worker the form to save a value. Every
/// change goes through <see cref="EntryWorkflow"/>, so the page and the API refuse the same things.
/// </summary>
[Authorize(Policy = DataEntryPermissions.EnterData)]
internal sealed class EntriesModel(EntryWorkflow workflow, IRegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "year")] public int? YearFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public EntryStatus? StatusFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "pageNumber")] public int? PageNumber { get; set; }

    // The save form: the value stays the text typed, so a refused value is shown back exactly as entered.
    [BindProperty] public int? EntryYear { get; set; }
    [BindProperty] public string? Measure { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Paged<EntryView> Entries { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> CommunityNames { get; private set; } = new Dictionary<string, string>();
    public EntryTransitions.Level Level { get; private set; }
    /// <summary>The community a community worker enters values for; null for the reviewing levels.</summary>
    public string? OwnCommunity { get; private set; }
    public string? Done { get; private set; }
    public int DefaultYear => clock.GetLocalNow().Year - 1;

    public static IReadOnlyList<(string Code, string Name, string Unit)> Measures { get; } =
        EntryRules.Measures.Values.Select(m => (m.Info.Code, m.Info.Name, m.Info.Unit)).ToList();

    public static string StatusLabel(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "草稿",
        EntryStatus.Submitted => "已提交，待街道审核",
        EntryStatus.StreetApproved => "街道已审核，待区审核",
        EntryStatus.DistrictApproved => "区已审核（已锁定）",
        _ => "未知状态",
    };

    public static string ActionLabel(EntryAction action) => action switch
    {
        EntryAction.Submit => "提交审核",
        EntryAction.Approve => "审核通过",
        EntryAction.Return => "退回",
        EntryAction.Reopen => "重新开放",
        _ => "保存",
    };

    public static string MeasureName(string code) => EntryRules.Measures.TryGetValue(code, out var m) ? m.Info.Name : "未知数据项";

    /// <summary>The steps the caller's level may take on an entry in <paramref name="status"/> (saving is the form's, not a button).</summary>
    public IReadOnlyList<EntryAction> StepsFor(EntryStatus status) =>
        EntryTransitions.Allowed(status).Where(a => a != EntryAction.Save && EntryTransitions.Next(status, a)?.By == Level).ToList();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (OwnCommunity is null) return Forbid();
        var year = EntryYear ?? DefaultYear;
        double? value = null;
        if (string.IsNullOrWhiteSpace(Value)) ModelState.AddModelError(nameof(Value), text["请填写数值。"]);
        else if (double.TryParse(Value.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) value = parsed;
        else ModelState.AddModelError(nameof(Value), text["数值须为数字，例如 12000 或 12000.5。"]);
        if (string.IsNullOrWhiteSpace(Measure) || !EntryRules.Measures.ContainsKey(Measure)) ModelState.AddModelError(nameof(Measure), text["请选择数据项。"]);
        if (!ModelState.IsValid) return Page();
        try
        {
            var existing = await workflow.ListAsync(OwnCommunity, year, null, 1, 100, ct);
            var version = existing.Items.FirstOrDefault(e => e.MeasureCode == Measure)?.Version;
            await workflow.SaveAsync(OwnCommunity, year, Measure!, new SaveEntryRequest(value, Comment, version), ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Localized(text))
                foreach (var message in messages)
                    ModelState.AddModelError(field switch { "value" => nameof(Value), "comment" => nameof(Comment), "year" => nameof(EntryYear), _ => nameof(Measure) }, message);
            return Page();
        }
        catch (Exception e) when (e is ConflictException or ForbiddenException)
        {
            ModelState.AddModelError(nameof(Value), Refusal.Of(e, text)!);
            return Page();
        }
        return RedirectToPage(new { year, done = "saved" });
    }

    public async Task<IActionResult> OnPostStepAsync(long id, EntryAction step, int version, CancellationToken ct)
    {
        await LoadAsync(ct);
        try
        {
            await workflow.StepAsync(id, step, new EntryStepRequest(version, Reason), ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (Refusal.Of(e, text) is { } reason)
        {
            ModelState.AddModelError("", reason);
            return Page();
        }
        return RedirectToPage(new { year = YearFilter, status = StatusFilter, pageNumber = PageNumber, done = "step" });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Level = workflow.CallerLevel;
        var area = workflow.OwnArea;
        OwnCommunity = Level == EntryTransitions.Level.Community && area.Length == 12 ? area : null;
        Done = Request.Query["done"].ToString() switch { "saved" => "已保存为草稿，请核对后提交审核。", "step" => "已办理。", _ => null };
        Entries = await workflow.ListAsync(null, YearFilter, StatusFilter, PageNumber, PageSize, ct);
        CommunityNames = await regions.NamesAsync(Entries.Items.Select(e => e.CommunityCode).Distinct(), ct);
    }
}
