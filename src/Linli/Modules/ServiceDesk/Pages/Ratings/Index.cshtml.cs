using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Features.ListRatings;
using Linli.Modules.ServiceDesk.Pages.Cases;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Ratings;

/// <summary>
/// 好差评: the ratings of the cases in the caller's scope, newest first — the same <see cref="RatingList"/> as
/// GET /api/service-desk/ratings — filtered by level, 差评 only, where the follow-up stands, the days rated and the
/// accepting community, paged, and exported with the same filters. For those who handle cases: community workers follow
/// up their 差评 here, supervisors watch them.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.HandleCases)]
internal sealed class IndexModel(RatingList list, IRegionDirectory regions, IEnumerable<IRegionNames> regionNames, IAreaScope scope, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public const int PageSize = 20;

    /// <summary>Above this many communities in the caller's scope the filter is a code to type rather than a list to choose from.</summary>
    public const int MaxCommunityChoices = 500;

    [BindProperty(SupportsGet = true)] public RatingLevel? Level { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Poor { get; set; }
    [BindProperty(SupportsGet = true)] public FollowUpStatus? FollowUp { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Community { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public RatingFilter Filter => new(Level, Poor, FollowUp, From, To, Community);

    public Paged<RatingListItem> Ratings { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyDictionary<string, string> Places { get; private set; } = new Dictionary<string, string>();

    /// <summary>The communities of the caller's area to choose from; null when there are too many (then a code is typed).</summary>
    public IReadOnlyList<RegionInfo>? Communities { get; private set; }

    public static readonly IReadOnlyList<RatingLevel> Levels =
        [RatingLevel.VerySatisfied, RatingLevel.Satisfied, RatingLevel.FairlySatisfied, RatingLevel.Dissatisfied, RatingLevel.VeryDissatisfied];

    public static readonly IReadOnlyList<FollowUpStatus> FollowUps = [FollowUpStatus.Pending, FollowUpStatus.Done, FollowUpStatus.Overdue];

    public string ExportLink(string format) => QueryHelpers.AddQueryString("/api/service-desk/ratings/export", new Dictionary<string, string?>
    {
        ["format"] = format, ["level"] = Level?.ToString(), ["poor"] = Poor == true ? "true" : null, ["followUp"] = FollowUp?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["community"] = Community,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (scope.RegionPrefix is { } prefix && prefix.Length < 12)
        {
            var communities = await regions.ListAsync(RegionLevel.Community, prefix, ct);
            Communities = communities.Count <= MaxCommunityChoices ? communities : null;
        }
        // A binding error (a date that is not one) is shown on the form; the list waits for a filter that reads.
        if (!ModelState.IsValid) return;
        try
        {
            Ratings = await list.ListAsync(Filter, new PageRequest(PageNumber, PageSize), ct);
        }
        catch (ValidationFailedException e)
        {
            e.AddTo(ModelState, text);
            return;
        }
        if (regionNames.FirstOrDefault() is { } names)
            Places = await names.NamesAsync(Ratings.Items.Select(r => r.AcceptingCommunityCode).Distinct(), ct);
    }
}
