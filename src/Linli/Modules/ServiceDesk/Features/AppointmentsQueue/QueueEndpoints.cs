using System.ComponentModel.DataAnnotations;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.AppointmentsCheckIn;
using Linli.Modules.ServiceDesk.Features.ReceiveCase;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsQueue;

/// <summary>A resident who came without a booking (现场取号): the item when known, and the resident in the pool when identified.</summary>
internal sealed record WalkInRequest([property: Required, MaxLength(12)] string CommunityCode, long? ItemId = null, long? ResidentId = null);

/// <summary>Serving an entry by receiving its case: the applicant as presented, the item (default: the entry's), the materials in hand.</summary>
internal sealed record ServeRequest([property: Required] ApplicantInput Applicant, [property: MaxLength(64)] string? ItemCode = null,
    [property: MaxLength(200)] IReadOnlyList<long>? Received = null);

internal static class QueueEndpoints
{
    /// <summary>
    /// The window serves an entry by receiving its case (<see cref="CaseIntake"/>): the entry is claimed by a conditional
    /// update (another window got there first, or a case was received for it already: 409), the case is received and
    /// linked in the same transaction, and the view answers its number. A walk-in's case is 窗口办, a booking's 预约办.
    /// </summary>
    public static async Task<QueueEntryView> ServeAsync(ServiceDeskDbContext db, IAreaScope scope, long id, CaseOpening opening, string? itemCode, DateTime now,
        CancellationToken ct)
    {
        var entry = await db.QueueEntries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct);
        if (entry is null || !scope.Covers(entry.CommunityCode)) throw new NotFoundException("排队记录不存在。");
        if (entry.CaseId is not null || entry.State is not (QueueEntryState.Waiting or QueueEntryState.Called))
            throw new ConflictException("排队状态已变化，请刷新。", new Dictionary<string, object?> { ["state"] = entry.State.ToString() });
        var code = !string.IsNullOrWhiteSpace(itemCode) ? itemCode
            : entry.ItemId is { } item ? await db.ServiceItems.Where(i => i.Id == item).Select(i => i.Code).FirstOrDefaultAsync(ct) : null;
        var by = scope.UserName ?? "system";
        // Received (checked, numbered, the applicant looked up and that search audited) ahead of the transaction, and saved in it.
        var mode = entry.Kind == QueueEntryKind.Booking ? HandlingModes.Appointment : HandlingModes.Window;
        var received = await opening.Intake.ReceiveAsync(opening.Applicant, code, mode, opening.Worker, opening.Received, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The claim first: the write lock comes before anything else of the transaction (SQLite never upgrades a read).
        var claimed = await db.QueueEntries
            .Where(q => q.Id == id && q.CaseId == null && (q.State == QueueEntryState.Waiting || q.State == QueueEntryState.Called))
            .ExecuteUpdateAsync(q => q.SetProperty(x => x.State, QueueEntryState.Done).SetProperty(x => x.CalledAt, x => x.CalledAt ?? (DateTime?)now)
                .SetProperty(x => x.CalledBy, x => x.CalledBy ?? by), ct);
        if (claimed == 0) throw new ConflictException("排队状态已变化，请刷新。", new Dictionary<string, object?> { ["state"] = entry.State.ToString() });
        await db.SaveChangesAsync(ct);
        await db.QueueEntries.Where(q => q.Id == id).ExecuteUpdateAsync(q => q.SetProperty(x => x.CaseId, received.Id), ct);
        await transaction.CommitAsync(ct);
        return await WindowQueue.Views(db, db.QueueEntries.AsNoTracking().Where(q => q.Id == id)).FirstAsync(ct);
    }

    public static async Task<QueueEntryView> WalkInAsync(ServiceDeskDbContext db, IAreaScope scope, IRegionDirectory regions, WalkInRequest request, DateTime now,
        CancellationToken ct)
    {
        var community = await CommunityAccess.CheckAsync(request.CommunityCode, scope, regions, ct);
        if (request.ItemId is { } item)
        {
            var guide = await ItemGuides.PublishedAsync(db, item, ct) ?? throw ValidationFailedException.For("itemId", "没有这个事项，或它已停办。");
            // Queued only for what this window can receive, as the intake will check when the number is served.
            if (!await db.ReceivableIn(community.Code[..6]).AnyAsync(x => x.Item.Id == item, ct))
                throw ValidationFailedException.For("itemId", "本区县的代办事项清单中没有事项 {0}，社区（村）不能受理。", guide.Name);
        }
        var entry = new QueueEntry
        {
            CommunityCode = community.Code, Day = WorkingCalendar.ChinaDay(now), Kind = QueueEntryKind.WalkIn, ItemId = request.ItemId,
            ResidentId = request.ResidentId, ArrivedAt = now, State = QueueEntryState.Waiting, AddedBy = scope.UserName ?? "system",
        };
        await WindowQueue.EnqueueAsync(db, entry, null, ct);
        return await WindowQueue.Views(db, db.QueueEntries.AsNoTracking().Where(q => q.Id == entry.Id)).FirstAsync(ct);
    }

    public static async Task<Paged<QueueEntryView>> ListAsync(ServiceDeskDbContext db, IAreaScope scope, IRegionDirectory regions, string? community, DateOnly? day,
        QueueEntryState? state, int? page, int? pageSize, DateTime now, CancellationToken ct)
    {
        var code = (await CommunityAccess.CheckAsync(community, scope, regions, ct, "community")).Code;
        if (state is { } s && !Enum.IsDefined(s)) throw ValidationFailedException.For("state", "没有这种状态。");
        var wantedDay = day ?? WorkingCalendar.ChinaDay(now);
        var entries = db.QueueEntries.AsNoTracking().Where(q => q.CommunityCode == code && q.Day == wantedDay);
        if (state is { } wanted) entries = entries.Where(q => q.State == wanted);
        return await WindowQueue.Views(db, entries.OrderBy(q => q.Number)).ToPagedAsync(page, pageSize, ct);
    }

    /// <summary>Moves an entry on (call, done, missed) by a conditional update on the state it must be in; another window got there first: 409.</summary>
    private static async Task<QueueEntryView> MoveAsync(ServiceDeskDbContext db, IAreaScope scope, long id, QueueEntryState[] from, QueueEntryState to, DateTime now,
        CancellationToken ct)
    {
        var entry = await db.QueueEntries.AsNoTracking().FirstOrDefaultAsync(q => q.Id == id, ct);
        if (entry is null || !scope.Covers(entry.CommunityCode)) throw new NotFoundException("排队记录不存在。");
        var by = scope.UserName ?? "system";
        var changed = to == QueueEntryState.Called
            ? await db.QueueEntries.Where(q => q.Id == id && from.Contains(q.State))
                .ExecuteUpdateAsync(q => q.SetProperty(x => x.State, to).SetProperty(x => x.CalledAt, now).SetProperty(x => x.CalledBy, by), ct)
            : await db.QueueEntries.Where(q => q.Id == id && from.Contains(q.State)).ExecuteUpdateAsync(q => q.SetProperty(x => x.State, to), ct);
        if (changed == 0) throw new ConflictException("排队状态已变化，请刷新。", new Dictionary<string, object?> { ["state"] = entry.State.ToString() });
        return await WindowQueue.Views(db, db.QueueEntries.AsNoTracking().Where(q => q.Id == id)).FirstAsync(ct);
    }

    /// <summary>Calls the first waiting number of the day; 404 when nobody waits.</summary>
    public static async Task<QueueEntryView> CallNextAsync(ServiceDeskDbContext db, IAreaScope scope, IRegionDirectory regions, string? community, DateTime now,
        CancellationToken ct)
    {
        var code = (await CommunityAccess.CheckAsync(community, scope, regions, ct, "community")).Code;
        var today = WorkingCalendar.ChinaDay(now);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var next = await db.QueueEntries.AsNoTracking().Where(q => q.CommunityCode == code && q.Day == today && q.State == QueueEntryState.Waiting)
                .OrderBy(q => q.Number).Select(q => (long?)q.Id).FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException("没有等候的人。");
            try
            {
                return await MoveAsync(db, scope, next, [QueueEntryState.Waiting], QueueEntryState.Called, now, ct);
            }
            catch (ConflictException)
            {
                // Another window called the same number at the same moment: take the next one.
            }
        }
        throw new ConflictException("排队状态已变化，请刷新。");
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/queue", async Task<Ok<Paged<QueueEntryView>>> (string? community, DateOnly? day, QueueEntryState? state, int? page, int? pageSize, IAreaScope scope,
                ServiceDeskDbContext db, IRegionDirectory regions, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, scope, regions, community, day, state, page, pageSize, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("AppointmentQueue")
            .WithSummary("A community's window queue for a day (default today): checked-in bookings and walk-ins in arrival order, with their numbers; by state; paginated.");
        api.MapPost("/queue/walk-ins", async Task<Ok<QueueEntryView>> (WalkInRequest request, IAreaScope scope, ServiceDeskDbContext db, IRegionDirectory regions,
                TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await WalkInAsync(db, scope, regions, request, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("AddWalkIn")
            .WithSummary("Adds a walk-in to today's window queue of the community; answered with its number.");
        api.MapPost("/queue/call-next", async Task<Ok<QueueEntryView>> (string? community, IAreaScope scope, ServiceDeskDbContext db, IRegionDirectory regions,
                TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await CallNextAsync(db, scope, regions, community, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("CallNextInQueue")
            .WithSummary("Calls the first waiting number of today's queue; 404 when nobody waits.");
        api.MapPost("/queue/{id:long}/done", async Task<Ok<QueueEntryView>> (long id, IAreaScope scope, ServiceDeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await MoveAsync(db, scope, id, [QueueEntryState.Called, QueueEntryState.Waiting], QueueEntryState.Done, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("FinishQueueEntry")
            .WithSummary("The window received the person (a case was opened, or the visit ended).");
        api.MapPost("/queue/{id:long}/missed", async Task<Ok<QueueEntryView>> (long id, IAreaScope scope, ServiceDeskDbContext db, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await MoveAsync(db, scope, id, [QueueEntryState.Called], QueueEntryState.Missed, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("MissQueueEntry")
            .WithSummary("The number was called and nobody came.");
        api.MapPost("/queue/{id:long}/receive", async Task<Ok<QueueEntryView>> (long id, ServeRequest request, HttpContext http, IAreaScope scope,
                ServiceDeskDbContext db, CaseIntake intake, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ServeAsync(db, scope, id, new CaseOpening(intake, CaseActor.From(http.User, scope), request.Applicant ?? new ApplicantInput(null), request.Received),
                    request.ItemCode, clock.GetUtcNow().UtcDateTime, ct)))
            .WithName("ReceiveQueueEntry")
            .WithSummary("The window serves the entry by receiving its case (a walk-in's at the window, a booking's by appointment), linked to the entry; answered with the case number.");
    }
}
