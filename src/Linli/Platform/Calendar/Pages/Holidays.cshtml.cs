using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Calendar.Pages;

/// <summary>
/// Next year's official holiday notice (放假安排: holidays and weekend days worked instead, 调休), entered a range of days
/// at a time or imported as a file of the shipped format, one year at a time. Every change is audited and moves open
/// deadlines under the new calendar (<see cref="HolidayCalendar"/>). Plain forms: it works without JavaScript.
/// </summary>
[Authorize(Policy = PlatformPermissions.ManageCalendar)]
internal sealed class HolidaysModel(HolidayCalendar holidays, WorkingCalendar calendar, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    public const string Here = "/admin/holidays";
    public const long MaxFileBytes = 1024 * 1024;

    public static readonly string[] Weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

    [BindProperty(SupportsGet = true), Range(HolidayRules.MinYear, HolidayRules.MaxYear, ErrorMessage = "年份应在 {1}–{2} 之间。"), Display(Name = "年份")]
    public int? Year { get; set; }

    [BindProperty, Display(Name = "开始日期")] public DateOnly? From { get; set; }
    [BindProperty, Display(Name = "结束日期")] public DateOnly? To { get; set; }
    [BindProperty] public HolidayKind Kind { get; set; } = HolidayKind.Holiday;
    [BindProperty, StringLength(HolidayFile.MaxName, ErrorMessage = "{0}不能超过{1}个字。"), Display(Name = "名称")] public string? Name { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public HolidayYear Shown { get; private set; } = null!;
    public int NextYear { get; private set; }
    public int LastKnownYear => calendar.LastKnownYear;
    public string? Done { get; private set; }
    public List<string> Errors { get; } = [];

    private int TheYear => Year ?? NextYear;

    private void Defaults() => NextYear = WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime).Year + 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Defaults();
        Done = TempData["Done"] as string;
        if (!ModelState.IsValid) Year = null;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The year's days as a file to fill in or to keep (CSV or the shipped JSON); an empty year gets 元旦 as the example.</summary>
    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct)
    {
        Defaults();
        if (!ModelState.IsValid) return BadRequest();
        var days = (await holidays.YearAsync(TheYear, ct)).Days;
        if (days.Count == 0) days = [new HolidayEntry(new DateOnly(TheYear, 1, 1), HolidayKind.Holiday, "元旦")];
        return format == "json"
            ? File(System.Text.Encoding.UTF8.GetBytes(HolidayFile.ToJson(days)), "application/json; charset=utf-8", $"holidays-{TheYear}.json")
            : File(HolidayFile.ToCsv(days), "text/csv; charset=utf-8", $"holidays-{TheYear}.csv");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        Defaults();
        if (From is null) ModelState.AddModelError(nameof(From), text["请填写开始日期。"]);
        if (!ModelState.IsValid) return await ShowAsync(ct);
        var (range, errors) = HolidayRules.Range(From!.Value, To ?? From.Value, Kind, Name ?? "", TheYear);
        if (Fail(errors)) return await ShowAsync(ct);
        var current = (await holidays.YearAsync(TheYear, ct)).Days;
        var dates = range.Select(r => r.Date).ToHashSet();
        var days = current.Where(d => !dates.Contains(d.Date)).Concat(range).ToList();
        var summary = $"{(Kind == HolidayKind.Holiday ? "放假" : "调休上班")} {Day(range[0].Date)}–{Day(range[^1].Date)} {Name?.Trim()}".Trim();
        return await SaveAsync(days, summary, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        Defaults();
        if (Date is not { } date || date.Year != TheYear) return await ShowAsync(ct, "请选择要删除的日期。");
        var current = (await holidays.YearAsync(TheYear, ct)).Days;
        if (current.All(d => d.Date != date)) return await ShowAsync(ct, "该日期不在本年的安排中。");
        return await SaveAsync(current.Where(d => d.Date != date).ToList(), $"删除 {Day(date)}", ct);
    }

    /// <summary>Back to the shipped file's days of the year (or, for a year the file does not cover, no days entered).</summary>
    public async Task<IActionResult> OnPostResetAsync(CancellationToken ct)
    {
        Defaults();
        if (!ModelState.IsValid) return await ShowAsync(ct);
        var moved = await holidays.SaveYearAsync(TheYear, null, "恢复为内置数据", ct);
        return Saved(moved);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        Defaults();
        if (Upload is not { Length: > 0 } upload) return await ShowAsync(ct, "请选择要导入的文件。");
        if (upload.Length > MaxFileBytes) return await ShowAsync(ct, "文件不能超过 1 MB。");
        var json = Path.GetExtension(upload.FileName).Equals(".json", StringComparison.OrdinalIgnoreCase);
        if (!json && !Path.GetExtension(upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
            return await ShowAsync(ct, "只能导入 .csv 或 .json 文件（格式见模板）。");
        await using var stream = upload.OpenReadStream();
        var (entries, errors) = json ? HolidayFile.ParseJson(stream) : HolidayFile.ParseCsv(stream);
        if (Fail(errors)) return await ShowAsync(ct);
        if (entries.Count == 0) return await ShowAsync(ct, "文件中没有日期。");
        var years = entries.GroupBy(e => e.Date.Year).OrderBy(g => g.Key).ToList();
        foreach (var year in years.Where(y => y.All(e => e.Kind != HolidayKind.Holiday)))
            Errors.Add(text["{0} 年没有放假日：每年至少应有一个放假日。", year.Key]);
        if (Errors.Count > 0) return await ShowAsync(ct);
        // Each year is its own revision: a file with two years' notices is two changes, in order.
        var moved = 0;
        foreach (var year in years)
            moved += await holidays.SaveYearAsync(year.Key, year.ToList(), $"导入 {Path.GetFileName(upload.FileName)}：{year.Count()} 天", ct);
        Year = years[0].Key;
        return Saved(moved);
    }

    private async Task<IActionResult> SaveAsync(List<HolidayEntry> days, string summary, CancellationToken ct)
    {
        if (Fail(HolidayRules.Check(days))) return await ShowAsync(ct);
        if (days.All(d => d.Kind != HolidayKind.Holiday))
            return await ShowAsync(ct, "每年至少应有一个放假日；如需恢复内置数据，请使用“恢复为内置数据”。");
        return Saved(await holidays.SaveYearAsync(TheYear, days, summary, ct));
    }

    private RedirectResult Saved(int moved)
    {
        TempData["Done"] = text["已保存。{0} 个未办结工单的时限已按新的日历重新计算。", moved].Value;
        return Redirect($"{Here}?year={TheYear}");
    }

    private bool Fail(IReadOnlyList<HolidayError> errors)
    {
        foreach (var e in errors)
        {
            var message = text[e.Message, e.Args].Value;
            Errors.Add(e.Line is { } line ? text["第 {0} 行：{1}", line, message].Value : message);
        }
        return errors.Count > 0;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, string? error = null)
    {
        if (error is not null) Errors.Add(text[error]);
        if (!ModelState.IsValid && ModelState[nameof(Year)]?.Errors.Count > 0) Year = null;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) => Shown = await holidays.YearAsync(TheYear, ct);

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
