using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Features.Shared;
using Linli.Platform.Paging;
using Linli.Platform.PersonalData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.Residents.Features.SearchResidents;

/// <summary>
/// A search that may include personal numbers: sent in the body (POST), so ID and phone numbers never appear in a URL
/// or an access log.
/// </summary>
internal sealed record SearchResidentsRequest(
    [property: MaxLength(50)] string? Name,
    [property: IdNumber] string? IdNumber,
    [property: PhoneNumber] string? Phone,
    PopulationTagKind? Tag,
    [property: RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] string? CommunityCode,
    int? Page,
    int? PageSize,
    [property: MaxLength(200)] string? After = null,
    [property: MaxLength(200)] string? Before = null);

/// <summary>Query-string filters: nothing personal here — names, ID and phone numbers go in the body of POST /search.</summary>
internal sealed record SearchResidentsQuery(
    PopulationTagKind? Tag,
    [property: RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] string? CommunityCode,
    int? Page,
    int? PageSize,
    [property: MaxLength(200)] string? After = null,
    [property: MaxLength(200)] string? Before = null);

internal static class SearchResidentsEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/", async Task<Ok<Paged<ResidentSummary>>> ([AsParameters] SearchResidentsQuery query, ResidentSearch search, CancellationToken ct) =>
                TypedResults.Ok(await search.SearchAsync(new ResidentFilter(Tag: query.Tag, CommunityCode: query.CommunityCode),
                    new PageRequest(query.Page, query.PageSize, query.After, query.Before), ct)))
            .WithName("SearchResidents")
            .WithSummary("Lists residents by tag in force and region-code prefix, within the caller's area, in id order; numbers masked; paginated by page number (first 10,000; the total counts up to 10,000 unless the list is filtered by region alone, `totalIsCapped`) or by the `next`/`previous` cursor (`after`/`before`). To search by name, ID or phone number, POST /api/residents/search (personal data never goes in a URL).");

        api.MapPost("/search", async Task<Ok<Paged<ResidentSummary>>> (SearchResidentsRequest request, ResidentSearch search, CancellationToken ct) =>
                TypedResults.Ok(await search.SearchAsync(
                    new ResidentFilter(request.Name, request.IdNumber, request.Phone, request.Tag, request.CommunityCode),
                    new PageRequest(request.Page, request.PageSize, request.After, request.Before), ct)))
            .WithName("SearchResidentsByBody")
            .WithSummary("The same search with the filters in the body, including exact ID or phone number (matched through a keyed hash). " +
                         "A search by number counts as a full view: it needs the reveal permission, is limited per user and hour (429 with Retry-After) and is written to the audit log.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
