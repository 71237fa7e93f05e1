using System.ComponentModel.DataAnnotations;
using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Modules.Volunteering.Features.Orders;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Volunteering.Features.Hours;

internal sealed record AttendanceInput(long? VolunteerId, DateTimeOffset? SignInAt, DateTimeOffset? SignOutAt);

/// <summary>An order done: who came, signed in and out when. Every volunteer listed must have claimed the order.</summary>
internal sealed record CompleteOrderRequest([property: Required, MinLength(1), MaxLength(100)] IReadOnlyList<AttendanceInput>? Attendance);

internal sealed record ReverseEntryRequest([property: Required, MaxLength(200)] string? Reason);

internal sealed record HoursEntryItem(long Id, long VolunteerId, long? OrderId, string CommunityCode, DateOnly ServiceDay, DateTime? SignInAt, DateTime? SignOutAt,
    int AttendedMinutes, int Minutes, long? ReversesEntryId, string? Reason, DateTime RecordedAt, string RecordedBy)
{
    public static HoursEntryItem Of(HoursEntry h) => new(h.Id, h.VolunteerId, h.OrderId, h.CommunityCode, h.ServiceDay, h.SignInAt, h.SignOutAt,
        h.AttendedMinutes, h.Minutes, h.ReversesEntryId, h.Reason, h.RecordedAt, h.RecordedBy);
}

/// <summary>
/// Writes the hours ledger: the order's completion (one conditional UPDATE of its state, then one row per volunteer who
/// came, credited up to the daily cap, in the same transaction), and corrections as reversing rows. Nothing here updates
/// or deletes a row of the ledger; the database would refuse it.
/// </summary>
internal sealed class HoursLedger(VolunteeringDbContext db, OrderDesk orders, IAreaScope scope, TimeProvider clock, IOptions<HoursOptions> options)
{
    public static Task<long> MinutesAsync(VolunteeringDbContext db, long volunteerId, CancellationToken ct) =>
        db.Hours.Where(h => h.VolunteerId == volunteerId).SumAsync(h => (long)h.Minutes, ct);

    public async Task<(VolunteerOrder Order, IReadOnlyList<HoursEntry> Entries)> CompleteAsync(long orderId, CompleteOrderRequest request, CancellationToken ct)
    {
        var order = await orders.FindAsync(orderId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimants = (await db.Claims.AsNoTracking().Where(c => c.OrderId == orderId).Select(c => c.VolunteerId).ToListAsync(ct)).ToHashSet();
        var attendance = request.Attendance!;
        var errors = new Dictionary<string, Phrase[]>();
        var seen = new HashSet<long>();
        for (var i = 0; i < attendance.Count; i++)
        {
            var a = attendance[i];
            var at = $"attendance[{i}]";
            if (a.VolunteerId is not { } v) errors[$"{at}.volunteerId"] = [new Phrase("必填。")];
            else if (!claimants.Contains(v)) errors[$"{at}.volunteerId"] = [new Phrase("志愿者 {0} 没有接这个订单。", v)];
            else if (!seen.Add(v)) errors[$"{at}.volunteerId"] = [new Phrase("同一志愿者只能签到一次。")];
            if (a.SignInAt is null) errors[$"{at}.signInAt"] = [new Phrase("必填。")];
            if (a.SignOutAt is not { } outAt) errors[$"{at}.signOutAt"] = [new Phrase("必填。")];
            else if (a.SignInAt is { } s && outAt <= s) errors[$"{at}.signOutAt"] = [new Phrase("签退时间须晚于签到时间。")];
            else if (a.SignInAt is { } s2 && outAt - s2 > TimeSpan.FromHours(24)) errors[$"{at}.signOutAt"] = [new Phrase("一次签到不能超过 24 小时。")];
            else if (outAt.UtcDateTime > now) errors[$"{at}.signOutAt"] = [new Phrase("签退时间不能晚于现在。")];
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (claimants.Count == 0 && OrderTransitions.Allows(order.State, OrderAction.Complete)) throw new ConflictException("还没有志愿者接单，订单不能完成。");

        var cap = options.Value.DailyCapMinutes;
        var entries = new List<HoursEntry>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The state first (the write lock before any read, as for a claim): a second completion changes no row and is a 409.
        var done = await orders.MoveAsync(orderId, OrderAction.Complete, (s, at) => s.SetProperty(o => o.CompletedAt, at), ct, q => q.Where(o => o.Claimed > 0));
        // The cap is read and then written: on PostgreSQL two completions for one volunteer and day (different orders, so
        // different row locks) would both read the old total. A transaction lock per volunteer and day, taken in one order,
        // makes the second wait for the first. SQLite has one writer at a time already (the UPDATE above took it).
        if (db.Database.IsNpgsql())
            foreach (var key in attendance.Select(a => a.VolunteerId!.Value * 1_000_000L + WorkingCalendar.ChinaDay(a.SignInAt!.Value.UtcDateTime).DayNumber).Distinct().Order())
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        foreach (var a in attendance)
        {
            var signIn = a.SignInAt!.Value.UtcDateTime;
            var signOut = a.SignOutAt!.Value.UtcDateTime;
            var day = WorkingCalendar.ChinaDay(signIn);
            var volunteerId = a.VolunteerId!.Value;
            // Every row of that volunteer and day, in whichever community: the cap is the person's, not the community's.
            var already = await db.Hours.IgnoreQueryFilters().Where(h => h.VolunteerId == volunteerId && h.ServiceDay == day).SumAsync(h => (int?)h.Minutes, ct) ?? 0;
            already += entries.Where(e => e.VolunteerId == volunteerId && e.ServiceDay == day).Sum(e => e.Minutes);
            var attended = (int)Math.Floor((signOut - signIn).TotalMinutes);
            var entry = new HoursEntry
            {
                VolunteerId = volunteerId, OrderId = orderId, CommunityCode = order.CommunityCode, ServiceDay = day, SignInAt = signIn, SignOutAt = signOut,
                AttendedMinutes = attended, Minutes = HoursRules.Credit(attended, already, cap), RecordedAt = now, RecordedBy = scope.UserName ?? "",
            };
            entries.Add(entry);
            db.Hours.Add(entry);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (done, entries);
    }

    /// <summary>A correction: a new row with the opposite minutes of <paramref name="entryId"/>, once per entry (the unique index says so when two race).</summary>
    public async Task<HoursEntry> ReverseAsync(long entryId, string reason, CancellationToken ct)
    {
        var original = await db.Hours.AsNoTracking().FirstOrDefaultAsync(h => h.Id == entryId, ct) ?? throw new NotFoundException("服务时长记录 {0} 不存在。", entryId);
        if (original.ReversesEntryId is not null) throw new ConflictException("冲正记录不能再冲正；如有错误，请重新记录。");
        if (await db.Hours.IgnoreQueryFilters().AnyAsync(h => h.ReversesEntryId == entryId, ct)) throw Reversed();
        var reversal = new HoursEntry
        {
            VolunteerId = original.VolunteerId, OrderId = original.OrderId, CommunityCode = original.CommunityCode, ServiceDay = original.ServiceDay,
            AttendedMinutes = 0, Minutes = -original.Minutes, ReversesEntryId = original.Id, Reason = reason.Trim(),
            RecordedAt = clock.GetUtcNow().UtcDateTime, RecordedBy = scope.UserName ?? "",
        };
        db.Hours.Add(reversal);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Reversed();
        }
        return reversal;
    }

    private static ConflictException Reversed() => new("这条记录已经冲正过。");
}
