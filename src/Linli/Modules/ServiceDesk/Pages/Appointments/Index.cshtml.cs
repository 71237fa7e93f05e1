using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsBook;
using Linli.Modules.ServiceDesk.Features.AppointmentsCancel;
using Linli.Modules.ServiceDesk.Features.AppointmentsListSlots;
using Linli.Modules.ServiceDesk.Features.AppointmentsMine;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Pages.Appointments;

/// <summary>
/// 预约办事: a resident chooses a district, a community, an item and a day, reads the item's materials, books a slot
/// (the same <see cref="AppointmentBooker"/> as POST /api/appointments, under the form's submission key), and sees and
/// cancels their bookings. Plain forms, no script: it works on any phone and in large-text mode.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.Apply)]
internal sealed class IndexModel(ServiceDeskDbContext db, IRegionDirectory regions, AppointmentBooker booker, IAreaScope scope, IOptions<AppointmentOptions> options,
    IStringLocalizer<Linli.Platform.Localization.SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public string? Community { get; set; }
    [BindProperty(SupportsGet = true)] public long? Item { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? Day { get; set; }
    [BindProperty] public long SlotId { get; set; }
    [BindProperty] public string? SubmissionKey { get; set; }

    public IReadOnlyList<RegionInfo> Districts { get; private set; } = [];
    public IReadOnlyList<RegionInfo> Communities { get; private set; } = [];
    public List<(long Id, string Name)> Items { get; private set; } = [];
    public BookingItem? Guide { get; private set; }
    public Paged<SlotView> Slots { get; private set; } = new([], 1, 1, 0);
    public Paged<BookingView> Mine { get; private set; } = new([], 1, MyBookings.PageSize, 0);
    public string? Message { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        SubmissionKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostBookAsync(CancellationToken ct)
    {
        var userId = scope.UserId!;
        var key = IdempotencyKey.Parse(SubmissionKey) is { } given
            ? new IdempotencyKey("user:" + userId, given, IdempotencyKey.Fingerprint("POST /appointments", SlotId.ToString(System.Globalization.CultureInfo.InvariantCulture), Item?.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : null;
        try
        {
            if (Item is not { } item) throw ValidationFailedException.For("itemId", "请选择要办理的事项。");
            var outcome = await booker.BookAsync(userId, SlotId, item, key, _ => new IdempotentAnswer(StatusCodes.Status303SeeOther, null, null, Url.Page("/Appointments/Index")), ct);
            TempData["Done"] = outcome.Booking is { } booked ? text["预约成功，预约号 {0}。请按下方材料清单带齐材料。", booked.Id].Value : text["预约已提交。"].Value;
            return RedirectToPage(new { District, Community, Item, Day });
        }
        catch (IdempotencyKeyReusedException)
        {
            Message = text["该表单已提交过，请重新选择。"];
        }
        catch (Exception e) when (Refusal.Of(e, text) is { } reason)
        {
            Message = reason;
        }
        SubmissionKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        try
        {
            await CancelBooking.CancelAsync(db, scope.UserId!, id, options.Value, regions, clock.GetUtcNow().UtcDateTime, ct);
            TempData["Done"] = text["预约已取消。"].Value;
            return RedirectToPage(new { District, Community, Item, Day });
        }
        catch (Exception e) when (Refusal.Of(e, text) is { } reason)
        {
            Message = reason;
        }
        SubmissionKey = Guid.NewGuid().ToString("N");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Day ??= Linli.Platform.Calendar.WorkingCalendar.ChinaDay(now);
        Districts = await regions.ListAsync(RegionLevel.District, cancellationToken: ct);
        if (Community is { Length: 12 } && District is null) District = Community[..6];
        if (District is { Length: 6 } d && Districts.Any(x => x.Code == d)) Communities = await regions.ListAsync(RegionLevel.Community, d, ct);
        else District = null;
        if (Community is not null && Communities.All(c => c.Code != Community)) Community = null;
        // Only what can be booked where the resident is looking: a city-wide item, or one on the district's list, that allows 预约办.
        Items = District is { } chosen ? await ItemGuides.BookableNamesAsync(db, chosen, ct) : [];
        if (Item is { } item && Items.Any(i => i.Id == item)) Guide = await ItemGuides.PublishedAsync(db, item, ct);
        if (Community is not null && Guide is not null)
            Slots = await ListSlots.ListAsync(db, regions, Community, Guide.ItemId, Day, Day, 1, 100, now, ct);
        Mine = await MyBookings.ListAsync(db, regions, scope.UserId!, null, 1, MyBookings.PageSize, ct);
    }
}
