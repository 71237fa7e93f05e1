using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.MyReports;

internal sealed record MyReport(long Id, string Number, TicketState State, int CategoryId, string CommunityCode, string? AssignedUnitCode,
    DateTime CreatedAt, bool IsOverdue, bool UnderSupervision, string Description);

/// <summary>Which of the caller's reports: by state, and by the China-time days they were filed (both ends included).</summary>
internal sealed record MyReportsFilter(TicketState? State = null, DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>A 400 naming the field for a state that does not exist or a window that ends before it starts.</summary>
    public MyReportsFilter Checked()
    {
        if (State is { } state && !Enum.IsDefined(state)) throw ValidationFailedException.For("state", "没有这种状态。");
        if (From is { } from && To is { } to && to < from) throw ValidationFailedException.For("to", "截止日期早于起始日期。");
        return this;
    }
}

/// <summary>
/// 我的上报: the patrol findings a grid or community worker filed, newest first, each followed to its ticket. The scope
/// filter applies underneath (a grid worker reads their grid's tickets), so a report never shows more than its ticket would.
/// </summary>
internal static class MyReports
{
    public const int PageSize = 20;

    public static IQueryable<Ticket> Query(RequestsDbContext db, Actor actor, MyReportsFilter filter)
    {
        var me = actor.UserName ?? "";
        var query = db.Tickets.AsNoTracking().Where(t => t.CreatedBy == me && t.Channel == Channel.GridPatrol);
        if (filter.State is { } state) query = query.Where(t => t.State == EF.Constant(state)); // a literal: see ListTicketsEndpoint
        if (filter.From is { } from)
        {
            var start = WorkingCalendar.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            query = query.Where(t => t.CreatedAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = WorkingCalendar.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            query = query.Where(t => t.CreatedAt < end);
        }
        return query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id);
    }

    public static Task<Paged<MyReport>> ListAsync(RequestsDbContext db, Actor actor, MyReportsFilter filter, int? page, int? pageSize, CancellationToken ct) =>
        Query(db, actor, filter.Checked())
            .Select(t => new MyReport(t.Id, t.Number, t.State, t.CategoryId, t.CommunityCode, t.AssignedUnitCode, t.CreatedAt, t.IsOverdue, t.UnderSupervision,
                t.Description.Length > 80 ? t.Description.Substring(0, 80) + "…" : t.Description))
            .ToPagedAsync(page, pageSize, ct);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/my-reports", async Task<Ok<Paged<MyReport>>> (TicketState? state, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                HttpContext http, IAreaScope scope, RequestsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, Actor.From(http.User, scope), new MyReportsFilter(state, from, to), page, pageSize, ct)))
            .RequireAuthorization(RequestsPermissions.ReportPatrolFindings)
            .WithName("MyReports")
            .WithSummary("The patrol findings the caller (a grid or community worker) filed, newest first, by state and by filing day (from/to, China time, inclusive); paginated.");
}
