using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Residents.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Residents;

/// <summary>
/// In the seeded test city every household's point, every grid's centre and every synthetic ticket's point is nearest to
/// its own community's centre (of all the city's communities), so a map tap on a home lands in the home's community.
/// </summary>
[Collection("city2")]
public sealed class HouseholdPlacementTests(CityFixture city)
{
    /// <summary>Points as unit vectors: the nearest great-circle neighbour is the one with the largest dot product, exactly.</summary>
    private static (double X, double Y, double Z) Vector(double lon, double lat)
    {
        var (l, p) = (lon * Math.PI / 180, lat * Math.PI / 180);
        return (Math.Cos(p) * Math.Cos(l), Math.Cos(p) * Math.Sin(l), Math.Sin(p));
    }

    private static string NearestCommunity(IReadOnlyList<(string Code, (double X, double Y, double Z) V)> centres, double lon, double lat)
    {
        var v = Vector(lon, lat);
        var (best, bestDot) = ("", double.MinValue);
        foreach (var (code, c) in centres)
        {
            var dot = v.X * c.X + v.Y * c.Y + v.Z * c.Z;
            if (dot > bestDot) (best, bestDot) = (code, dot);
        }
        return best;
    }

    [Fact]
    public async Task Every_household_grid_and_seeded_ticket_lies_nearest_to_its_own_community()
    {
        var (communities, grids, households) = await city.App.WithScopeAsync(async sp =>
        {
            var regions = sp.GetRequiredService<IRegionDirectory>();
            var homes = await sp.GetRequiredService<ResidentsDbContext>().Households.AsNoTracking().IgnoreQueryFilters()
                .Where(h => h.Longitude != null && h.Latitude != null)
                .Select(h => new { h.CommunityCode, Longitude = h.Longitude!.Value, Latitude = h.Latitude!.Value }).ToListAsync();
            return (await regions.ListAsync(RegionLevel.Community), await regions.ListAsync(RegionLevel.Grid), homes);
        });
        var centres = communities.Where(c => c.Longitude is not null).Select(c => (c.Code, Vector(c.Longitude!.Value, c.Latitude!.Value))).ToList();
        Assert.True(centres.Count > 2700, $"{centres.Count} community centres");
        Assert.True(households.Count > 3000, $"{households.Count} households with a point");

        var misplaced = households.Where(h => NearestCommunity(centres, h.Longitude, h.Latitude) != h.CommunityCode)
            .Select(h => $"{h.CommunityCode} at {h.Longitude},{h.Latitude} is nearest to {NearestCommunity(centres, h.Longitude, h.Latitude)}").ToList();
        Assert.True(misplaced.Count == 0, $"{misplaced.Count} households nearer another community:\n" + string.Join("\n", misplaced.Take(10)));

        var strayGrids = grids.Where(g => g.Longitude is not null && NearestCommunity(centres, g.Longitude.Value, g.Latitude!.Value) != g.Code[..12]).Select(g => g.Code).ToList();
        Assert.True(strayGrids.Count == 0, $"{strayGrids.Count} grid centres nearer another community: {string.Join(", ", strayGrids.Take(10))}");

        // So are the synthetic year's tickets: a ticket's point lies in the community it was filed for.
        var tickets = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets.AsNoTracking().IgnoreQueryFilters()
            .Where(t => t.Longitude != null && t.Latitude != null && t.Description.EndsWith("（合成数据）"))
            .Select(t => new { t.CommunityCode, Longitude = t.Longitude!.Value, Latitude = t.Latitude!.Value }).ToListAsync());
        Assert.True(tickets.Count > 100, $"{tickets.Count} seeded tickets with a point");
        var strayTickets = tickets.Count(t => NearestCommunity(centres, t.Longitude, t.Latitude) != t.CommunityCode);
        Assert.True(strayTickets == 0, $"{strayTickets} of {tickets.Count} seeded tickets nearer another community");

        // Homes are spread around the centre, not piled on it.
        var centreOf = communities.Where(c => c.Longitude is not null).ToDictionary(c => c.Code, c => (c.Longitude!.Value, c.Latitude!.Value));
        var atCentre = households.Count(h => centreOf[h.CommunityCode] == (h.Longitude, h.Latitude));
        Assert.True(atCentre < households.Count / 20, $"{atCentre} of {households.Count} households sit on their community's centre");
    }
}
