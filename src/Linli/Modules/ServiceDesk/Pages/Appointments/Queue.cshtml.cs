using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.AppointmentsCheckIn;
using Linli.Modules.ServiceDesk.Features.AppointmentsQueue;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Appointments;

/// <summary>
/// 窗口叫号: today's queue of the community in arrival order (checked-in bookings and walk-ins), with the number to call;
/// the window checks a booking in by its number, adds a walk-in, calls the next number and marks it received or missed.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.HandleCases)]
internal sealed class QueueModel(ServiceDeskDbContext db, IRegionDirectory regions, IAreaScope scope, IStringLocalizer<Linli.Platform.Localization.SharedResource> text,
    TimeProvider clock) : WindowPageBase(regions, scope)
{
    [BindProperty] public long? BookingId { get; set; }
    [BindProperty] public long? ItemId { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<QueueEntryView> Entries { get; private set; } = new([], 1, 50, 0);
    public List<(long Id, string Name)> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostCheckInAsync(CancellationToken ct) => ActNowAsync(async now =>
    {
        if (BookingId is not { } id) throw ValidationFailedException.For("bookingId", "请输入预约号。");
        var entry = await CheckIn.CheckInAsync(db, Scope, id, null, now, ct);
        return text["已签到，排队号 {0}。", entry.Ticket].Value;
    }, ct);

    public Task<IActionResult> OnPostWalkInAsync(CancellationToken ct) => ActNowAsync(async now =>
    {
        var entry = await QueueEndpoints.WalkInAsync(db, Scope, Regions, new WalkInRequest(Community ?? "", ItemId), now, ct);
        return text["已取号，排队号 {0}。", entry.Ticket].Value;
    }, ct);

    public Task<IActionResult> OnPostCallNextAsync(CancellationToken ct) => ActNowAsync(async now =>
    {
        var entry = await QueueEndpoints.CallNextAsync(db, Scope, Regions, Community, now, ct);
        return text["请 {0} 号到窗口办理。", entry.Ticket].Value;
    }, ct);

    /// <summary>A queue action on the chosen community, now; done, its sentence shown after the redirect.</summary>
    private async Task<IActionResult> ActNowAsync(Func<DateTime, Task<string>> act, CancellationToken ct)
    {
        await ChooseCommunityAsync(ct);
        return await ActAsync(async () =>
        {
            TempData["Done"] = await act(clock.GetUtcNow().UtcDateTime);
            return RedirectToPage(new { Community });
        }, text, ct);
    }

    protected override async Task LoadAsync(CancellationToken ct)
    {
        await ChooseCommunityAsync(ct);
        if (Community is not null)
        {
            Items = await ItemGuides.ReceivableNamesAsync(db, Community[..6], ct);
            Entries = await QueueEndpoints.ListAsync(db, Scope, Regions, Community, null, null, PageNumber, 50, clock.GetUtcNow().UtcDateTime, ct);
        }
    }
}
