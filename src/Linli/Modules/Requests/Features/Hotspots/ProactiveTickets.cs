using System.Globalization;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Hotspots;

internal sealed record OpenProactiveTicket(string? Description = null, int? CategoryId = null, string? CommunityCode = null);

internal sealed record DismissHotspot(string Reason);

/// <summary>
/// A proactive ticket (主动工单) for a hotspot: filed through the one intake under the channel 主动发现, at the cluster's
/// centre and category, naming its tickets; the hotspot links it, and when it is answered each member's reporter gets the
/// answer (<see cref="Shared.TicketWorkflow"/>). The members keep their own handling: merging is the centre's step for new tickets only.
/// </summary>
internal sealed class ProactiveTickets(RequestsDbContext db, TicketIntake intake, TimeProvider clock)
{
    public const int MaxDescription = RequestLimits.Description;

    public async Task<long> OpenAsync(long hotspotId, OpenProactiveTicket request, Actor actor, CancellationToken ct)
    {
        var hotspot = await db.Hotspots.AsNoTracking().FirstOrDefaultAsync(h => h.Id == hotspotId, ct) ?? throw new NotFoundException("热点不存在。");
        if (hotspot.State == HotspotState.Ticketed) throw new ConflictException("该热点已立主动工单。");
        var rising = hotspot.Kind == HotspotKind.RisingCategory;
        // A rising category is a first-level class over a street: the ticket needs a leaf and a community, named by the caller.
        var categoryId = request.CategoryId ?? (rising ? throw ValidationFailedException.For("categoryId", "类别上升的热点需要选择三级分类。") : hotspot.CategoryId);
        var community = request.CommunityCode?.Trim() is { Length: > 0 } c ? c
            : rising ? throw ValidationFailedException.For("communityCode", "类别上升的热点需要选择社区。") : hotspot.RegionCode;
        if (rising && !community.StartsWith(hotspot.RegionCode, StringComparison.Ordinal))
            throw ValidationFailedException.For("communityCode", "社区不在该热点所在街道。");
        if (request.Description?.Length > MaxDescription) throw ValidationFailedException.For("description", "不能超过 {0} 个字符。", MaxDescription);
        var description = string.IsNullOrWhiteSpace(request.Description) ? await DescribeAsync(hotspot, ct) : request.Description.Trim();

        // The ticket and the hotspot's link to it are committed together or not at all; the conditional update lets only
        // one of two simultaneous requests open it (the other gets 409, as if it had come second).
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Hotspots.Where(h => h.Id == hotspotId && h.State != HotspotState.Ticketed)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.State, HotspotState.Ticketed).SetProperty(h => h.HandledBy, actor.UserId).SetProperty(h => h.UpdatedAt, now), ct);
        if (claimed == 0) throw new ConflictException("该热点已立主动工单。");
        var taken = await intake.TakeAsync(new FileTicketRequest(description, categoryId, Urgency.Normal, null, community, null,
            rising ? null : hotspot.Longitude, rising ? null : hotspot.Latitude), actor, ct, Channel.Proactive);
        await db.SaveChangesAsync(ct);
        var ticketId = taken.Ticket.Id;
        await db.Hotspots.Where(h => h.Id == hotspotId).ExecuteUpdateAsync(s => s.SetProperty(h => h.ProactiveTicketId, ticketId), ct);
        await transaction.CommitAsync(ct);
        return ticketId;
    }

    public async Task DismissAsync(long hotspotId, string reason, Actor actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw ValidationFailedException.For("reason", "请说明排除的理由。");
        if (reason.Length > 500) throw ValidationFailedException.For("reason", "不能超过 {0} 个字符。", 500);
        var hotspot = await db.Hotspots.FirstOrDefaultAsync(h => h.Id == hotspotId, ct) ?? throw new NotFoundException("热点不存在。");
        if (hotspot.State != HotspotState.Open) throw new ConflictException("只有待处置的热点可以排除。");
        hotspot.State = HotspotState.Dismissed;
        hotspot.DismissReason = reason.Trim();
        hotspot.HandledBy = actor.UserId;
        hotspot.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task<string> DescribeAsync(Hotspot hotspot, CancellationToken ct)
    {
        var numbers = await db.HotspotMembers.Where(m => m.HotspotId == hotspot.Id)
            .Join(db.Tickets.IgnoreQueryFilters(), m => m.TicketId, t => t.Id, (m, t) => t.Number).OrderBy(n => n).Take(20).ToListAsync(ct);
        var inv = CultureInfo.InvariantCulture;
        var span = string.Format(inv, "{0:yyyy-MM-dd}至{1:yyyy-MM-dd}", WorkingCalendar.ToChina(hotspot.FirstAt), WorkingCalendar.ToChina(hotspot.LastAt));
        var what = hotspot.Kind switch
        {
            HotspotKind.Cluster => string.Format(inv, "{0} 在约 {1} 米范围内收到 {2} 件同类诉求", span, hotspot.RadiusMeters ?? 0, hotspot.TicketCount),
            HotspotKind.RepeatCaller => string.Format(inv, "{0} 同一来电人就同一问题反映 {1} 次", span, hotspot.TicketCount),
            _ => string.Format(inv, "{0} 当周收到 {1} 件，此前每周平均 {2:0.#} 件", span, hotspot.TicketCount, hotspot.Baseline ?? 0),
        };
        var linked = numbers.Count == 0 ? "" : "。关联工单：" + string.Join("、", numbers) + (hotspot.TicketCount > numbers.Count ? " 等" : "");
        return "未诉先办（主动发现）：" + what + linked + "。";
    }
}
