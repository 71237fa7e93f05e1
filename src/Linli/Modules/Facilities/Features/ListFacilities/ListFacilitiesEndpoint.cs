using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Features.ListFacilities;

internal sealed record FacilityItem(
    int Id, string Name, FacilityType Type, string CommunityCode, double FloorArea,
    double Longitude, double Latitude, double OpeningHoursPerDay, bool IsSynthetic,
    double? ServiceArea, DateOnly OpenedOn, DateOnly? ClosedOn, DateOnly? CityLevelSince);

internal static class ListFacilitiesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<FacilityItem>>> (string? region, FacilityType? type, bool? includeClosed, int? page, int? pageSize,
                FacilitiesDbContext db, CancellationToken ct) =>
            {
                var query = db.Facilities.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(region)) query = query.Where(f => f.CommunityCode.StartsWith(region));
                if (type is not null) query = query.Where(f => f.Type == type);
                // Closed records are the history the indicators measure; the list shows what serves unless asked.
                if (includeClosed != true) query = query.Where(f => f.ClosedOn == null);
                return TypedResults.Ok(await query.OrderBy(f => f.CommunityCode).ThenBy(f => f.Id)
                    .Select(f => new FacilityItem(f.Id, f.Name, f.Type, f.CommunityCode, f.FloorArea, f.Longitude, f.Latitude,
                        f.OpeningHoursPerDay, f.IsSynthetic, f.ServiceArea, f.OpenedOn, f.ClosedOn, f.CityLevelSince))
                    .ToPagedAsync(page, pageSize, ct));
            })
            .WithName("ListFacilities")
            .WithSummary("Service facilities in service under a region-code prefix (region), of one type, closed ones too with includeClosed; paginated.");
}
