using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Features.SearchResidents;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.PersonalData;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Residents.Pages;

/// <summary>
/// Resident search. Community and tag filters may travel in the query string (links from region pages); names and ID
/// numbers only in a POST body, so no personal data lands in a URL, a browser history or an access log. The ID and phone
/// fields are there only for roles that may reveal numbers (a search by number is a full view: limited and audited).
/// </summary>
[Authorize(Policy = ResidentsPermissions.ReadPeople)]
internal sealed class SearchModel(ResidentSearch search, NumberSearchGuard numbers, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true), RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")]
    public string? Community { get; set; }

    [BindProperty(SupportsGet = true)]
    public PopulationTagKind? Tag { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    /// <summary>Cursors of the pager (the page after or before a row): the list goes on past any depth a page number reaches.</summary>
    [BindProperty(SupportsGet = true), MaxLength(200)]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true), MaxLength(200)]
    public string? Before { get; set; }

    [BindProperty, MaxLength(50)]
    public string? Name { get; set; }

    [BindProperty, IdNumber]
    public string? IdNumber { get; set; }

    [BindProperty, PhoneNumber]
    public string? Phone { get; set; }

    /// <summary>Why a search by number was not run (the hour's budget is spent, or the role may not), for the localizer.</summary>
    public (string Text, object[] Arguments)? Refusal { get; private set; }

    /// <summary>Whether the form offers the ID and phone fields.</summary>
    public bool CanSearchByNumber { get; private set; }

    public Paged<ResidentSummary>? Results { get; private set; }

    /// <summary>True when the results come from a posted form (the pager then posts too).</summary>
    public bool Posted { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        CanSearchByNumber = await numbers.MaySearchAsync();
        // Without a filter the page is just the form: no count over the whole area on every visit.
        if (!ModelState.IsValid || (Community is null && Tag is null)) return;
        await SearchAsync(new ResidentFilter(Tag: Tag, CommunityCode: Community), cancellationToken);
    }

    private async Task SearchAsync(ResidentFilter filter, CancellationToken cancellationToken)
    {
        try
        {
            Results = await search.SearchAsync(filter, new PageRequest(PageNumber, PageSize, After, Before), cancellationToken);
        }
        catch (ValidationFailedException e)
        {
            // A page number deeper than an offset may go, or a spoilt cursor: said on the form, not an error page.
            foreach (var (field, messages) in e.Localized(text))
            foreach (var message in messages)
                ModelState.AddModelError(field, message);
        }
        catch (TooManyRequestsException e)
        {
            Refusal = (e.Format, e.Arguments);
        }
        catch (ForbiddenException e)
        {
            Refusal = (e.Phrase.Key, [.. e.Phrase.Arguments.Select(a => a ?? "")]);
        }
    }

    /// <summary>The results come from a search by number: they are not offered for export.</summary>
    public bool SearchedByNumber { get; private set; }

    public async Task OnPostAsync(CancellationToken cancellationToken)
    {
        Posted = true;
        SearchedByNumber = !string.IsNullOrWhiteSpace(IdNumber) || !string.IsNullOrWhiteSpace(Phone);
        CanSearchByNumber = await numbers.MaySearchAsync();
        if (ModelState.IsValid) await SearchAsync(new ResidentFilter(Name, IdNumber, Phone, Tag, Community), cancellationToken);
        // The numbers are not echoed back into the page: results show them masked, like everywhere else.
        ModelState.Remove(nameof(IdNumber));
        ModelState.Remove(nameof(Phone));
        IdNumber = null;
        Phone = null;
    }
}
