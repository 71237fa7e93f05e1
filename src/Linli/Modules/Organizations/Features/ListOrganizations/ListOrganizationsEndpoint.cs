using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Features.ListOrganizations;

internal sealed record SocialOrganizationItem(int Id, string Name, SocialOrganizationKind Kind, string CommunityCode, DateOnly RegisteredOn, DateOnly? DissolvedOn, bool IsSynthetic);

internal static class ListOrganizationsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<SocialOrganizationItem>>> (string? region, SocialOrganizationKind? kind, int? page, int? pageSize,
                OrganizationsDbContext db, CancellationToken ct) =>
            {
                var query = db.SocialOrganizations.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(region)) query = query.Where(o => o.CommunityCode.StartsWith(region));
                if (kind is not null) query = query.Where(o => o.Kind == kind);
                return TypedResults.Ok(await query.OrderBy(o => o.CommunityCode).ThenBy(o => o.Id)
                    .Select(o => new SocialOrganizationItem(o.Id, o.Name, o.Kind, o.CommunityCode, o.RegisteredOn, o.DissolvedOn, o.IsSynthetic))
                    .ToPagedAsync(page, pageSize, ct));
            })
            .WithName("ListSocialOrganizations")
            .WithSummary("Community social organizations (with their registration and dissolution days) under a region-code prefix (region), of one kind; paginated.");
}
