using Linli.Modules.Facilities.Features.Standards;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Facilities.Pages;

/// <summary>The units of a region against the facility standards: per rule how many fall below, and the units below, largest gap first.</summary>
[Authorize(Policy = FacilitiesPermissions.ReadStandards)]
internal sealed class StandardsModel(StandardsQuery query) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public IReadOnlyList<StandardSummary> Summary { get; private set; } = [];
    public Paged<BelowStandardUnit> Below { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public Phrase? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        StandardsResult result;
        string? rule = null;
        try
        {
            rule = StandardsQuery.CheckRule(Rule);
            result = await query.RunAsync(Region, null, ct);
        }
        catch (CallerFacingException e)
        {
            Problem = e.Phrase;
            return;
        }
        catch (ValidationFailedException e)
        {
            Problem = e.Phrases.Values.SelectMany(p => p).FirstOrDefault();
            return;
        }
        Summary = StandardsEndpoints.Summary(result);
        var below = result.Below(rule);
        var (p, size) = Paging.Normalize(PageNumber, 50);
        Below = new Paged<BelowStandardUnit>(below.Skip((p - 1) * size).Take(size).ToList(), p, size, below.Count);
    }
}
