using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.ListRatings;

/// <summary>
/// What the ratings list asks for: a level, 差评 only, where the follow-up stands, the China-time days rated from and to
/// (inclusive), and a community (or street or district) where the case was accepted, by its 12-, 9- or 6-digit code.
/// </summary>
internal sealed record RatingFilter(RatingLevel? Level = null, bool? Poor = null, FollowUpStatus? FollowUp = null, DateOnly? From = null, DateOnly? To = null,
    string? Community = null);

/// <summary>A rating with its case's number, as the list and the export read it.</summary>
internal sealed class RatingRow
{
    public long Id { get; init; }
    public long CaseId { get; init; }
    public string CaseNumber { get; init; } = "";
    public CaseState Stage { get; init; }
    public RatingLevel Level { get; init; }
    public string? Comment { get; init; }
    public DateTime RatedAt { get; init; }
    public string AcceptingCommunityCode { get; init; } = "";
    public DateTime? FollowUpDueAt { get; init; }
    public DateTime? FollowUpAt { get; init; }
    public bool FollowUpOverdue { get; init; }
    public string? FollowUpNote { get; init; }
    public RatingLevel? FollowUpLevel { get; init; }
}

/// <summary>One rating in the list, with its labels (the page and the export show those, never the codes).</summary>
internal sealed record RatingListItem(long Id, long CaseId, string CaseNumber, CaseState Stage, string StageLabel, RatingLevel Level, string LevelLabel, bool IsPoor,
    string? Comment, DateTime RatedAt, string AcceptingCommunityCode, FollowUpStatus FollowUp, string FollowUpLabel, DateTime? FollowUpDueAt, DateTime? FollowUpAt,
    string? FollowUpNote, RatingLevel? FollowUpLevel, string? FollowUpLevelLabel)
{
    public static RatingListItem Of(RatingRow r, DateTime now)
    {
        var status = RatingFollowUp.Of(r.FollowUpDueAt, r.FollowUpAt, r.FollowUpOverdue, now);
        return new(r.Id, r.CaseId, r.CaseNumber, r.Stage, CaseLabels.Stage(r.Stage).ToString(), r.Level, CaseLabels.Level(r.Level).ToString(), r.Level <= RatingLevel.Dissatisfied,
            r.Comment, r.RatedAt, r.AcceptingCommunityCode, status, CaseLabels.FollowUp(status).ToString(), r.FollowUpDueAt, r.FollowUpAt, r.FollowUpNote, r.FollowUpLevel,
            r.FollowUpLevel is { } l ? CaseLabels.Level(l).ToString() : null);
    }
}

/// <summary>
/// 好差评 in the caller's scope: a rating is seen by whoever sees its case (the context's scope filter on cases, through the
/// join), newest first by keyset on (rated_at, id). A community's scope is walked as separate parts like the case list
/// (<see cref="ListCases.CaseList"/>): ratings accepted here on the (accepting community, rated_at) index, plus those of
/// cases of residents of here accepted elsewhere, of the caller's department and of their own applications.
/// </summary>
internal sealed class RatingList(ServiceDeskDbContext db, IAreaScope scope, TimeProvider clock)
{
    public static readonly Keyset<RatingRow> ByRated = Keyset<RatingRow>.Descending(r => r.RatedAt).Then(r => r.Id);

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public async Task<Paged<RatingListItem>> ListAsync(RatingFilter filter, PageRequest page, CancellationToken ct)
    {
        var ratings = Filter(filter);
        var rows = scope.RegionPrefix != "" && scope.CommunityPrefix is { Length: 12 } community
            ? await ByRated.PageUnionAsync(CommunityWalks(ratings, community), Rows(ratings, db.ServiceCases), r => r, r => [r.RatedAt, r.Id], page, ct)
            : await ByRated.PageAsync(Rows(ratings, db.ServiceCases), r => r, r => [r.RatedAt, r.Id], page, ct);
        return new Paged<RatingListItem>(rows.Items.Select(r => RatingListItem.Of(r, Now)).ToList(), rows.Page, rows.PageSize, rows.Total)
        {
            TotalIsCapped = rows.TotalIsCapped, Next = rows.Next, Previous = rows.Previous,
        };
    }

    /// <summary>The ratings in scope that <paramref name="filter"/> asks for, unordered (the export orders them as the list does).</summary>
    public IQueryable<RatingRow> Filtered(RatingFilter filter) => Rows(Filter(filter), db.ServiceCases);

    private List<IQueryable<RatingRow>> CommunityWalks(IQueryable<CaseRating> ratings, string community)
    {
        var cases = db.ServiceCases.IgnoreQueryFilters();
        var walks = new List<IQueryable<RatingRow>>
        {
            Rows(ratings.Where(r => r.AcceptingCommunityCode == community), cases),
            Rows(ratings, cases.Where(c => c.HomeCommunityCode == community)),
        };
        if (scope.DepartmentCode is { } department) walks.Add(Rows(ratings, cases.Where(c => c.DepartmentCode == department)));
        if (scope.UserId is { } user) walks.Add(Rows(ratings, cases.Where(c => c.ApplicantUserId == user)));
        return walks;
    }

    private static IQueryable<RatingRow> Rows(IQueryable<CaseRating> ratings, IQueryable<ServiceCase> cases) =>
        from r in ratings
        join c in cases on r.CaseId equals c.Id
        select new RatingRow
        {
            Id = r.Id, CaseId = r.CaseId, CaseNumber = c.Number, Stage = r.Stage, Level = r.Level, Comment = r.Comment, RatedAt = r.RatedAt,
            AcceptingCommunityCode = r.AcceptingCommunityCode, FollowUpDueAt = r.FollowUpDueAt, FollowUpAt = r.FollowUpAt, FollowUpOverdue = r.FollowUpOverdue,
            FollowUpNote = r.FollowUpNote, FollowUpLevel = r.FollowUpLevel,
        };

    private IQueryable<CaseRating> Filter(RatingFilter filter)
    {
        var query = db.CaseRatings.AsNoTracking();
        if (filter.Level is { } level)
        {
            if (!Enum.IsDefined(level)) throw ValidationFailedException.For("Level", "请选择一种评价等级。");
            query = query.Where(r => r.Level == level);
        }
        if (filter.Poor == true) query = query.Where(r => r.Level <= RatingLevel.Dissatisfied);
        if (filter.FollowUp is { } status)
        {
            if (status == FollowUpStatus.None || !Enum.IsDefined(status)) throw ValidationFailedException.For("FollowUp", "回访状态应为待回访、已回访或回访超期。");
            query = query.Where(RatingFollowUp.Is(status, Now));
        }
        if (!string.IsNullOrWhiteSpace(filter.Community))
        {
            var code = filter.Community.Trim();
            if (code.Length is not (6 or 9 or 12) || !code.All(char.IsAsciiDigit)) throw ValidationFailedException.For("Community", "区域代码应为 6、9 或 12 位数字。");
            query = code.Length == 12 ? query.Where(r => r.AcceptingCommunityCode == code) : query.Where(r => r.AcceptingCommunityCode.StartsWith(code));
        }
        if (filter.From is { } from && filter.To is { } to && to < from) throw ValidationFailedException.For("To", "结束日期不能早于开始日期。");
        if (filter.From is { } first)
        {
            if (!Display.IsPlausible(first)) throw ValidationFailedException.For("From", "日期应在 2000 年至 2100 年之间。");
            var start = Display.ChinaDayStartUtc(first);
            query = query.Where(r => r.RatedAt >= start);
        }
        if (filter.To is { } last)
        {
            if (!Display.IsPlausible(last)) throw ValidationFailedException.For("To", "日期应在 2000 年至 2100 年之间。");
            var end = Display.ChinaDayStartUtc(last.AddDays(1));
            query = query.Where(r => r.RatedAt < end);
        }
        return query;
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<RatingListItem>>> ([AsParameters] RatingFilter filter, int? page, int? pageSize, string? after, string? before, RatingList list,
                CancellationToken ct) => TypedResults.Ok(await list.ListAsync(filter, new PageRequest(page, pageSize, after, before), ct)))
            .WithName("ListServiceDeskRatings")
            .WithSummary("好差评 of the cases the caller may see, newest first; filter by level, poor=true (差评 only), followUp=Pending|Done|Overdue, from/to (days rated, China time), community (accepting area code).");
}
