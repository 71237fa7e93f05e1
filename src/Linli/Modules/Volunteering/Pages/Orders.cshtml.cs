using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Modules.Volunteering.Features.Orders;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Volunteering.Pages;

/// <summary>
/// The community worker's order desk: the orders of the caller's area (filtered by state), and 派单 of a posted order,
/// through the same <see cref="OrderDesk"/> as the API (a form, so it works without JavaScript).
/// </summary>
[Authorize(Policy = VolunteeringPermissions.Read)]
internal sealed class OrdersModel(VolunteeringDbContext db, OrderDesk desk, PermissionCatalog permissions,
    IStringLocalizer<Linli.Platform.Localization.SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public OrderState? State { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<OrderItem> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    public bool MayDispatch => permissions.Allows(User, VolunteeringPermissions.Manage);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostDispatchAsync(long id, CancellationToken ct)
    {
        if (!MayDispatch) return Forbid();
        try
        {
            await desk.DispatchAsync(id, ct);
            Message = text["订单 {0} 已派单，志愿者可以接单。", id];
        }
        catch (Exception e) when (Refusal.Of(e, text) is { } refusal)
        {
            Problem = refusal;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking();
        if (State is { } s) query = query.Where(o => o.State == s);
        Items = await query.OrderByDescending(o => o.StartsAt).ThenByDescending(o => o.Id)
            .Select(o => new OrderItem(o.Id, o.CommunityCode, o.Skill, o.Title, o.StartsAt, o.EndsAt, o.Capacity, o.Claimed, o.State))
            .ToCappedPageAsync(PageNumber, 50, ct);
    }

    public static string StateLabel(OrderState state) => state switch
    {
        OrderState.Open => "待派单",
        OrderState.Dispatched => "待接单",
        OrderState.Claimed => "已满员",
        OrderState.Done => "已完成",
        _ => "已取消",
    };
}
