using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;
using Linli.Modules.ServiceDesk.Features.AppointmentsPublishSlots;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Pages.Appointments;

/// <summary>
/// 预约时段管理: a community worker publishes slots from a template (the same <see cref="PublishSlots"/> as POST
/// /api/appointments/slots), sees a day's slots with their places taken, and closes a day (<see cref="CloseDay"/>).
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.HandleCases)]
internal sealed class ManageModel(ServiceDeskDbContext db, IRegionDirectory regions, IAreaScope scope, WorkingCalendar calendar, IOptions<AppointmentOptions> options,
    IStringLocalizer<Linli.Platform.Localization.SharedResource> text, TimeProvider clock) : WindowPageBase(regions, scope)
{
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public string Periods { get; set; } = "09:00-11:30, 13:30-16:30";
    [BindProperty] public int SlotMinutes { get; set; } = 30;
    [BindProperty] public int Capacity { get; set; } = 3;
    [BindProperty] public DateOnly? CloseOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool MoveBookings { get; set; } = true;

    public List<WindowSlot> Slots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var periods = Periods.Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split(['-', '–', '~', '～'], 2, StringSplitOptions.TrimEntries))
            .Select(p => new PeriodInput(p[0], p.Length > 1 ? p[1] : "")).ToList();
        if (From is null || To is null) throw ValidationFailedException.For("from", "请填写开始和结束日期。");
        var published = await PublishSlots.PublishAsync(db, Scope, Regions, calendar,
            new PublishSlotsRequest(Community ?? "", From.Value, To.Value, periods, SlotMinutes, Capacity), clock.GetUtcNow().UtcDateTime, ct);
        TempData["Done"] = text["已生成 {0} 个时段（跳过 {1} 个：已存在、已过或闭站日）。", published.Created, published.Skipped].Value;
        return RedirectToPage(new { Community, Day = From });
    }, text, ct);

    public Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => ActAsync(async () =>
    {
        if (CloseOn is null) throw ValidationFailedException.For("day", "请选择要闭站的日期。");
        var closed = await CloseDay.CloseAsync(db, Scope, Regions, calendar, options.Value,
            new CloseDayRequest(Community ?? "", CloseOn.Value, Reason ?? "", MoveBookings), clock.GetUtcNow().UtcDateTime, ct);
        TempData["Done"] = text["已闭站：{0} 个预约改期，{1} 个预约取消，均已通知居民。", closed.Moved, closed.Cancelled].Value;
        return RedirectToPage(new { Community, Day = CloseOn });
    }, text, ct);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        await ChooseCommunityAsync(ct);
        var today = WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime);
        Day ??= today;
        From ??= today.AddDays(1);
        To ??= today.AddDays(14);
        if (Community is not null)
            Slots = await db.WindowSlots.AsNoTracking().Where(s => s.CommunityCode == Community && s.Day == Day).OrderBy(s => s.StartsAt).Take(100).ToListAsync(ct);
    }
}
