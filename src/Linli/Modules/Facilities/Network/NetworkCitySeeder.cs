using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Geography;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Network;

/// <summary>
/// The synthetic city's walking network (<see cref="SyntheticStreets"/>), then the compounds and every type's walking
/// minutes. At scale 1 it covers every district inside its real boundary (data/shenyang-districts.geojson via
/// <see cref="IDistrictGeometry"/>), over a million nodes; below scale 1 only 3 km squares around a few urban communities,
/// so the demo and the tests seed in seconds. Runs after the residents and the facilities (it reads both).
/// </summary>
internal sealed class NetworkCitySeeder(FacilitiesDbContext db, IRegionDirectory regions, IDistrictGeometry geometry, NetworkStore store,
    AccessibilityService accessibility) : ICitySeeder
{
    public int Order => 45;
    public string Name => "facilities network (synthetic walking network, compounds and walking minutes)";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.NetworkImports.AnyAsync(i => i.IsSynthetic, cancellationToken);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var districts = await regions.ListAsync(RegionLevel.District, cancellationToken: cancellationToken);
        var communities = await regions.ListAsync(RegionLevel.Community, cancellationToken: cancellationToken);
        var urban = communities.Where(c => c.Kind == RegionKind.UrbanCommunity && c.Longitude is not null && c.Latitude is not null).ToList();
        var areas = new List<NetworkArea>();
        double areaKm2 = 0;
        if (options.Scale >= 1)
        {
            foreach (var d in districts)
            {
                var (minLon, minLat, maxLon, maxLat) = geometry.BoundsOf(d.Code);
                if (maxLon <= minLon) continue;
                var centres = urban.Where(c => c.Code.StartsWith(d.Code[..6], StringComparison.Ordinal)).Select(c => (c.Longitude!.Value, c.Latitude!.Value)).ToList();
                var code = d.Code;
                areas.Add(new NetworkArea(code, d.Kind != RegionKind.UrbanDistrict, minLon, minLat, maxLon, maxLat, (lon, lat) => geometry.Contains(code, lon, lat), centres));
                areaKm2 += Geo.DistanceMeters(minLon, minLat, maxLon, minLat) * Geo.DistanceMeters(minLon, minLat, minLon, maxLat) / 1e6;
            }
        }
        else
        {
            // Every n-th urban community: a handful of neighbourhoods, each a 3 km square of streets with its compounds.
            var count = Math.Max(3, (int)Math.Round(urban.Count * options.Scale));
            var stride = Math.Max(1, urban.Count / count);
            foreach (var c in urban.Where((_, i) => i % stride == 0).Take(count))
            {
                var (lon0, lat0) = Geo.Offset(c.Longitude!.Value, c.Latitude!.Value, -1500, -1500);
                var (lon1, lat1) = Geo.Offset(c.Longitude!.Value, c.Latitude!.Value, 1500, 1500);
                var near = urban.Where(o => o.Longitude >= lon0 && o.Longitude <= lon1 && o.Latitude >= lat0 && o.Latitude <= lat1)
                    .Select(o => (o.Longitude!.Value, o.Latitude!.Value)).ToList();
                areas.Add(new NetworkArea(c.Code, false, lon0, lat0, lon1, lat1, (_, _) => true, near));
                areaKm2 += 9;
            }
        }
        var network = SyntheticNetworkBuilder.Build(areas, options.Seed, new StreetParameters());
        await store.ReplaceAsync(network, "synthetic", synthetic: true, areaKm2, cancellationToken);
        progress.Report($"facilities: walking network of {network.NodeCount} nodes and {network.EdgeCount} edges over {areas.Count} areas");
        await accessibility.RecomputeAllAsync(progress, cancellationToken);
    }
}
