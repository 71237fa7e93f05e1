using System.Globalization;
using System.Text.Json;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Domain;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Features.Import;

/// <summary>
/// Imports the official division codes and the district boundaries. Idempotent (re-importing the same files changes
/// nothing) and all-or-nothing: every line is checked before anything is written, and the first bad line is reported.
/// Grids are not in the file and are left alone.
/// </summary>
internal sealed class RegionFileImporter(RegionsDbContext db, Microsoft.Extensions.Caching.Hybrid.HybridCache cache, ILogger<RegionFileImporter> logger)
{
    public sealed record Result(int Inserted, int Updated, int Unchanged, int Boundaries);

    private static readonly Dictionary<string, (RegionLevel Level, RegionKind Kind)> Kinds = new()
    {
        ["city/city"] = (RegionLevel.City, RegionKind.City),
        ["district/urban_district"] = (RegionLevel.District, RegionKind.UrbanDistrict),
        ["district/county"] = (RegionLevel.District, RegionKind.County),
        ["district/county_city"] = (RegionLevel.District, RegionKind.CountyCity),
        ["street/subdistrict"] = (RegionLevel.Street, RegionKind.Subdistrict),
        ["street/town"] = (RegionLevel.Street, RegionKind.Town),
        ["street/township"] = (RegionLevel.Street, RegionKind.Township),
        ["street/other"] = (RegionLevel.Street, RegionKind.OtherStreet),
        ["community/urban_community"] = (RegionLevel.Community, RegionKind.UrbanCommunity),
        ["community/village"] = (RegionLevel.Community, RegionKind.Village),
        ["community/virtual"] = (RegionLevel.Community, RegionKind.VirtualUnit),
    };

    public async Task<Result> ImportAsync(Stream regionsCsv, Stream? boundariesGeoJson, CancellationToken cancellationToken = default)
    {
        var parsed = Parse(regionsCsv);
        var boundaries = boundariesGeoJson is null ? [] : ParseBoundaries(boundariesGeoJson, parsed);

        var existing = await db.Regions.Where(r => r.Level != RegionLevel.Grid).ToDictionaryAsync(r => r.Code, cancellationToken);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var row in parsed.Values)
        {
            if (!existing.TryGetValue(row.Code, out var current))
            {
                db.Regions.Add(row);
                inserted++;
            }
            else if (current.Name != row.Name || current.Kind != row.Kind || current.ParentCode != row.ParentCode || current.Level != row.Level)
            {
                (current.Name, current.Kind, current.ParentCode, current.Level) = (row.Name, row.Kind, row.ParentCode, row.Level);
                updated++;
            }
            else unchanged++;
        }
        if (boundaries.Count > 0)
        {
            var current = await db.Boundaries.ToDictionaryAsync(b => b.Code, cancellationToken);
            foreach (var b in boundaries)
            {
                if (!current.TryGetValue(b.Code, out var old)) db.Boundaries.Add(b);
                else (old.GeometryJson, old.CentreLongitude, old.CentreLatitude) = (b.GeometryJson, b.CentreLongitude, b.CentreLatitude);
            }
        }
        // One SaveChanges is one transaction: the tree and the boundaries land together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        await cache.RemoveByTagAsync(RegionCache.Tag, cancellationToken);
        logger.LogInformation("Region import: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Boundaries} boundaries",
            inserted, updated, unchanged, boundaries.Count);
        return new Result(inserted, updated, unchanged, boundaries.Count);
    }

    private static Dictionary<string, Region> Parse(Stream csv)
    {
        using var reader = new StreamReader(csv, leaveOpen: true);
        var header = reader.ReadLine();
        if (header?.Trim().TrimStart('\uFEFF') != "code,name,level,kind,parent_code")
            throw Bad(1, "the header must be: code,name,level,kind,parent_code");
        var rows = new Dictionary<string, Region>();
        var lines = new Dictionary<string, int>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != 5) throw Bad(lineNumber, $"expected 5 columns, found {cells.Length}");
            var (code, name, level, kind, parent) = (cells[0].Trim(), cells[1].Trim(), cells[2].Trim(), cells[3].Trim(), cells[4].Trim());
            if (code.Length == 0 || !code.All(char.IsAsciiDigit)) throw Bad(lineNumber, $"code '{code}' is not a number");
            if (name.Length is 0 or > 100) throw Bad(lineNumber, "name is empty or longer than 100 characters");
            if (!Kinds.TryGetValue($"{level}/{kind}", out var lk)) throw Bad(lineNumber, $"unknown level/kind '{level}/{kind}'");
            if (code.Length != Region.CodeLength(lk.Level)) throw Bad(lineNumber, $"a {level} code has {Region.CodeLength(lk.Level)} digits, '{code}' has {code.Length}");
            if (rows.ContainsKey(code)) throw Bad(lineNumber, $"code {code} already appears on line {lines[code]}");
            if (lk.Level != RegionLevel.City && (!code.StartsWith(parent, StringComparison.Ordinal) || parent.Length != Region.CodeLength(lk.Level - 1)))
                throw Bad(lineNumber, $"parent '{parent}' is not the unit one level above {code}");
            rows[code] = new Region { Code = code, Name = name, Level = lk.Level, Kind = lk.Kind, ParentCode = lk.Level == RegionLevel.City ? null : parent };
            lines[code] = lineNumber;
        }
        foreach (var r in rows.Values)
        {
            if (r.ParentCode is not null && !rows.ContainsKey(r.ParentCode))
                throw Bad(lines[r.Code], $"parent {r.ParentCode} of {r.Code} is not in the file");
        }
        if (!rows.Values.Any(r => r.Level == RegionLevel.City)) throw Bad(lineNumber, "the file has no city row");
        return rows;
    }

    private static List<DistrictBoundary> ParseBoundaries(Stream geoJson, Dictionary<string, Region> regions)
    {
        using var document = JsonDocument.Parse(geoJson);
        var result = new List<DistrictBoundary>();
        var index = 0;
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            index++;
            var code = feature.TryGetProperty("id", out var id) ? id.ToString() : "";
            if (!regions.TryGetValue(code, out var region) || region.Level != RegionLevel.District)
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["boundaries"] = [$"feature {index}: '{code}' is not a district in the region file"] });
            var geometry = feature.GetProperty("geometry");
            var type = geometry.GetProperty("type").GetString();
            if (type is not ("Polygon" or "MultiPolygon"))
                throw new ValidationFailedException(new Dictionary<string, string[]> { ["boundaries"] = [$"feature {index}: geometry must be a Polygon or MultiPolygon"] });
            var centre = feature.GetProperty("properties").GetProperty("center");
            result.Add(new DistrictBoundary
            {
                Code = code,
                GeometryJson = geometry.GetRawText(),
                CentreLongitude = centre[0].GetDouble(),
                CentreLatitude = centre[1].GetDouble(),
            });
        }
        return result;
    }

    private static ValidationFailedException Bad(int line, string reason) =>
        new(new Dictionary<string, string[]> { ["file"] = [string.Create(CultureInfo.InvariantCulture, $"line {line}: {reason}")] },
            string.Create(CultureInfo.InvariantCulture, $"The region file was rejected at line {line}: {reason}. Nothing was imported."));
}
