using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Seeding;

/// <summary>
/// The facilities part of the synthetic city, with a history from before 2021 to 2026 for the plan's indicators
/// (data/indicators-2021-2025.json, sources in data/SOURCES.md).
/// <para>
/// Party-mass service centres (党群服务中心): one in every urban community and village from before 2021 (coverage 100 %).
/// Each community draws a normal area around its kind's mean (sd 20 %, a little larger where the community has more
/// full-scale households); the urban and rural samples keep the plan's 682 : 370 proportion and are scaled together so that
/// the city has 36.93 m² per 100 households at the end of 2020. Both plan figures cannot hold at once: the plan averaged
/// 955 urban communities and the imported tree has 1,153, and the indicator is what the board shows. From 2021 some centres
/// are enlarged (the old record closes, the larger one opens the same day), those under 600 m² (urban) or 350 m² (rural)
/// more often, so that the city reaches 40.5 m² at the end of 2025; two lagging districts enlarge a quarter as often, and
/// many communities stay under the standard. A few centres close for renovation over a year end. Enlarged centres serve
/// residents with more of their area and open at least 8 hours.
/// </para>
/// <para>
/// The other types open year by year on a schedule toward the plan's 2025 targets (150 city-level centres, 100 % of urban
/// communities with a self-service terminal, 1,000 library branches, 330 happiness classrooms, minors' protection stations
/// in 70 % of streets, 1.5 m² of shelter per resident), the lagging districts late. Every draw comes from a stream of its
/// own, <c>SeedRandom.For(seed, "facilities…", code)</c>, and nothing depends on the scale: the same seed gives the same
/// facilities.
/// </para>
/// </summary>
internal sealed class FacilitiesCitySeeder(FacilitiesDbContext db, IRegionDirectory regions, IDistrictGeometry geometry) : ICitySeeder
{
    public const double UrbanMeanArea = 682;
    public const double RuralMeanArea = 370;
    /// <summary>Centre area per 100 households, city-wide: the plan's 2020 baseline and what the history reaches by 2025.</summary>
    public const double BaselineAreaPer100 = 36.93, Area2025Per100 = 40.5;
    /// <summary>Shelter area per resident at the end of 2020 and what is added by the end of 2025 (target 1.5).</summary>
    public const double ShelterPerResident2020 = 1.1, ShelterAdded2025 = 0.45;
    public const int LaggingDistricts = 2;

    public int Order => 40;
    public string Name => "facilities (service centres and the plan's other facilities, 2020–2026)";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.Facilities.AnyAsync(f => f.IsSynthetic, cancellationToken);

    private sealed record Row(FacilityType Type, RegionInfo Community, string Name, double Area, double? ServiceArea, double Hours,
        DateOnly Opened, DateOnly? Closed = null, DateOnly? CityLevel = null);

    /// <summary>The two districts with urban communities that move slowest, drawn per seed.</summary>
    public static IReadOnlySet<string> Lagging(int seed, IEnumerable<RegionInfo> communities) =>
        communities.Where(c => c.Kind == RegionKind.UrbanCommunity).Select(c => c.Code[..6]).Distinct()
            .OrderBy(d => SeedRandom.For(seed, "facilities-lagging", d).NextDouble()).Take(LaggingDistricts).ToHashSet(StringComparer.Ordinal);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var seed = options.Seed;
        var communities = (await regions.ListAsync(RegionLevel.Community, cancellationToken: cancellationToken))
            .Where(c => c.Kind is RegionKind.UrbanCommunity or RegionKind.Village)
            .ToList();
        var streets = (await regions.ListAsync(RegionLevel.Street, cancellationToken: cancellationToken))
            .Where(s => s.Kind is RegionKind.Subdistrict or RegionKind.Town or RegionKind.Township).ToList();
        var urbanCount = communities.Count(c => c.Kind == RegionKind.UrbanCommunity);
        var villageCount = communities.Count - urbanCount;
        var households = communities.ToDictionary(c => c.Code, c => (double)CityProfile.FullScaleHouseholds(seed, c.Code,
            c.Kind == RegionKind.UrbanCommunity, c.Kind == RegionKind.Village, urbanCount, villageCount));
        var lagging = Lagging(seed, communities);
        bool Lags(RegionInfo c) => lagging.Contains(c.Code[..6]);

        var rows = new List<Row>();
        rows.AddRange(Centres(seed, communities, households, Lags));
        rows.AddRange(Terminals(seed, communities, Lags));
        rows.AddRange(ElderlyCare(seed, communities, households, Lags));
        rows.AddRange(Shelters(seed, communities, Lags));
        rows.AddRange(MinorsStations(seed, streets, communities, Lags));
        rows.AddRange(Scheduled(seed, FacilityType.LibraryBranch, "社区图书分馆", communities, Lags,
            [(2020, 420), (2021, 540), (2022, 660), (2023, 780), (2024, 895), (2025, 1015), (2026, 1060)], closures: 12));
        rows.AddRange(Scheduled(seed, FacilityType.HappinessClassroom, "幸福课堂", communities, Lags,
            [(2020, 40), (2021, 90), (2022, 150), (2023, 210), (2024, 270), (2025, 336), (2026, 360)], closures: 4));
        rows.AddRange(EveryType(seed, communities, streets, households, Lags));

        var written = await BulkWriter.WriteAsync<Facility>(db,
            [nameof(Facility.Name), nameof(Facility.Type), nameof(Facility.CommunityCode), nameof(Facility.FloorArea), nameof(Facility.ServiceArea),
             nameof(Facility.Longitude), nameof(Facility.Latitude), nameof(Facility.OpeningHoursPerDay), nameof(Facility.OpenedOn),
             nameof(Facility.ClosedOn), nameof(Facility.CityLevelSince), nameof(Facility.IsSynthetic), nameof(Facility.WeeklyHours), nameof(Facility.Capacity)],
            rows.OrderBy(r => r.Type).ThenBy(r => r.Community.Code, StringComparer.Ordinal).ThenBy(r => r.Opened).Select(r =>
            {
                var (lon, lat) = Place(SeedRandom.For(seed, $"facilities-place-{(int)r.Type}-{r.Opened:yyyyMMdd}", r.Community.Code), r.Community);
                return new object?[]
                {
                    r.Name, (int)r.Type, r.Community.Code, r.Area, r.ServiceArea, lon, lat, r.Hours, r.Opened, r.Closed, r.CityLevel, true,
                    WeeklyHours.Daily(r.Hours).ToString(), Capacity(r),
                };
            }), cancellationToken);
        progress.Report($"facilities: {written} records ({rows.Count(r => r.Type == FacilityType.PartyMassServiceCentre && r.Closed == null)} "
                        + $"centres in service; lagging districts {string.Join(", ", lagging.Order(StringComparer.Ordinal))})");
    }

    /// <summary>Places of the types that count them (about one per 4 m²); a shelter's refuge space is its site area.</summary>
    private static double? Capacity(Row r) => FacilityTypes.Of(r.Type).Capacity switch
    {
        CapacityUnit.SquareMetres => r.Area,
        CapacityUnit.Places when r.Area > 0 => Math.Max(5, Math.Round(r.Area / 4)),
        _ => null,
    };

    private static string NameOf(RegionInfo community, string label) => $"样例{community.Name}{label}（测）";

    /// <summary>A day of the year; 2026 stops at the end of October so that no record opens after the city is seeded.</summary>
    private static DateOnly DayIn(Random random, int year) => new DateOnly(year, 1, 1).AddDays(random.Next(year >= 2026 ? 300 : 365));

    /// <summary>A day before 2021 (2008–2020): what stood at the plan's baseline.</summary>
    private static DateOnly Before2021(Random random) => DayIn(random, 2008 + random.Next(13));

    private static IEnumerable<Row> Centres(int seed, List<RegionInfo> communities, Dictionary<string, double> households, Func<RegionInfo, bool> lags)
    {
        // 2020: the plan's means, then one factor for both kinds so that the city has the baseline per 100 households.
        var drafts = new List<(RegionInfo Community, bool Urban, double Area, double Share, double Hours, DateOnly Opened)>();
        foreach (var group in communities.GroupBy(c => c.Kind == RegionKind.UrbanCommunity))
        {
            var urban = group.Key;
            var mean = urban ? UrbanMeanArea : RuralMeanArea;
            var meanHouseholds = group.Average(c => households[c.Code]);
            var draws = group.Select(c =>
            {
                var random = SeedRandom.For(seed, "facilities", c.Code);
                var size = Math.Pow(households[c.Code] / meanHouseholds, 0.3);
                var area = Math.Max(mean * 0.35, mean * size * (1 + 0.2 * Math.Clamp(random.NextGaussian(), -2.5, 2.5)));
                // The standard asks for 8 hours a day; a few centres fall short, so the indicator has something to find.
                var hours = random.NextDouble() < (urban ? 0.02 : 0.06) ? 7 : 8 + 0.5 * random.Next(urban ? 9 : 5);
                var share = Math.Clamp(0.72 + 0.08 * random.NextGaussian(), 0.45, 0.95);
                return (c, urban, area, share, hours, Before2021(random));
            }).ToList();
            var recentre = mean / draws.Average(d => d.area);
            drafts.AddRange(draws.Select(d => (d.c, d.urban, d.area * recentre, d.share, d.hours, d.Item6)));
        }
        var totalHouseholds = households.Values.Sum();
        var toBaseline = BaselineAreaPer100 * totalHouseholds / 100 / drafts.Sum(d => d.Area);

        // Enlargements from 2021: drawn first, then their growth scaled so that the end of 2025 has the target area.
        var plans = drafts.Select(d =>
        {
            var random = SeedRandom.For(seed, "facilities-history", d.Community.Code);
            var area = d.Area * toBaseline;
            var below = area < (d.Urban ? 600 : 350);
            var chance = (below ? 0.45 : 0.15) * (lags(d.Community) ? 0.25 : 1);
            var enlarged = random.NextDouble() < chance ? DayIn(random, 2021 + random.Next(6)) : (DateOnly?)null;
            var growth = 0.15 + 0.45 * random.NextDouble();
            // Not enlarged: a few close for renovation late in a year and reopen the next spring.
            var renovated = enlarged is null && random.NextDouble() < 0.004 ? new DateOnly(2022 + random.Next(3), 11, 1).AddDays(random.Next(50)) : (DateOnly?)null;
            var newHours = 8 + 0.5 * random.Next(7);
            var newShare = Math.Clamp(0.86 + 0.04 * random.NextGaussian(), 0.8, 0.95);
            return (Draft: d, Area: Math.Round(area, 1), Enlarged: enlarged, Growth: growth, Renovated: renovated,
                Reopened: renovated?.AddDays(120 + random.Next(90)), NewHours: newHours, NewShare: newShare);
        }).ToList();
        var added = plans.Where(p => p.Enlarged is { Year: <= 2025 }).Sum(p => p.Area * p.Growth);
        var growthScale = added > 0 ? (Area2025Per100 - BaselineAreaPer100) * totalHouseholds / 100 / added : 1;

        var finals = new List<Row>();
        foreach (var p in plans)
        {
            var c = p.Draft.Community;
            var name = NameOf(c, "党群服务中心");
            var first = new Row(FacilityType.PartyMassServiceCentre, c, name, p.Area, Math.Round(p.Area * p.Draft.Share, 1), p.Draft.Hours, p.Draft.Opened);
            if (p.Enlarged is { } on)
            {
                var area = Math.Round(p.Area * (1 + p.Growth * growthScale), 1);
                yield return first with { Closed = on };
                finals.Add(new Row(FacilityType.PartyMassServiceCentre, c, name, area, Math.Round(area * p.NewShare, 1), p.NewHours, on));
            }
            else if (p.Renovated is { } closed)
            {
                yield return first with { Closed = closed };
                finals.Add(first with { Opened = p.Reopened!.Value });
            }
            else finals.Add(first);
        }

        // City-level demonstration centres (市级示范点): about 30 a year among the larger centres, 152 by the end of 2025.
        var designations = new Dictionary<Row, DateOnly>();
        var candidates = finals
            .Where(f => f.Area >= (f.Community.Kind == RegionKind.UrbanCommunity ? 600 : 350))
            .Select(f => (Row: f, Key: SeedRandom.For(seed, "facilities-city-level", f.Community.Code).NextDouble() * (lags(f.Community) ? 3 : 1)))
            .OrderBy(f => f.Key).ThenBy(f => f.Row.Community.Code, StringComparer.Ordinal).Select(f => f.Row).ToList();
        var wanted = new (int Year, int Cumulative)[] { (2021, 30), (2022, 60), (2023, 92), (2024, 122), (2025, 152), (2026, 166) };
        var index = 0;
        foreach (var (year, cumulative) in wanted)
        {
            while (designations.Count < cumulative && index < candidates.Count)
            {
                var row = candidates[index++];
                var day = DayIn(SeedRandom.For(seed, "facilities-city-level-day", row.Community.Code), year);
                if (row.Opened <= day) designations[row] = day; // a centre is named once it stands
            }
        }
        foreach (var f in finals) yield return designations.TryGetValue(f, out var since) ? f with { CityLevel = since } : f;
    }

    /// <summary>Self-service terminals in urban communities: 45 % of them by 2020, 96 % by 2025; a tenth get a second.</summary>
    private static IEnumerable<Row> Terminals(int seed, List<RegionInfo> communities, Func<RegionInfo, bool> lags)
    {
        var urban = communities.Where(c => c.Kind == RegionKind.UrbanCommunity).ToList();
        var steps = new (int Year, double Share)[] { (2020, 0.45), (2021, 0.60), (2022, 0.72), (2023, 0.83), (2024, 0.91), (2025, 0.96), (2026, 0.98) };
        var order = urban.OrderBy(c => SeedRandom.For(seed, "facilities-terminal", c.Code).NextDouble() * (lags(c) ? 1.8 : 1))
            .ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        for (var i = 0; i < order.Count; i++)
        {
            var step = steps.FirstOrDefault(s => i < s.Share * order.Count);
            if (step.Year == 0) yield break; // the last 2 % have none yet
            var c = order[i];
            var random = SeedRandom.For(seed, "facilities-terminal-day", c.Code);
            var opened = step.Year <= 2020 ? DayIn(random, 2016 + random.Next(5)) : DayIn(random, step.Year);
            yield return new Row(FacilityType.SelfServiceTerminal, c, NameOf(c, "政务自助服务终端"), 0, null, 24, opened);
            if (random.NextDouble() < 0.1 && opened.Year < 2026)
                yield return new Row(FacilityType.SelfServiceTerminal, c, NameOf(c, "政务自助服务终端（二）"), 0, null, 24,
                    DayIn(random, Math.Min(2026, opened.Year + 1 + random.Next(3))));
        }
    }

    /// <summary>
    /// Home elderly-care facilities (居家养老服务设施): a station in 90 % of urban communities and 55 % of villages by 2020 at
    /// about 24 m² per 100 households (the standard: 25), the rest opening 2021–2025 at about 28, except in lagging districts;
    /// 279 home-care centres by 2020 in the largest urban communities, 45 more by 2025.
    /// </summary>
    private static IEnumerable<Row> ElderlyCare(int seed, List<RegionInfo> communities, Dictionary<string, double> households, Func<RegionInfo, bool> lags)
    {
        foreach (var c in communities)
        {
            var urban = c.Kind == RegionKind.UrbanCommunity;
            var random = SeedRandom.For(seed, "facilities-elderly", c.Code);
            var early = random.NextDouble() < (urban ? 0.9 : 0.55);
            if (!early && lags(c) && random.NextDouble() < 0.6) continue;
            var per100 = Math.Max(8, (early ? 24 : 28) + 7 * Math.Clamp(random.NextGaussian(), -2.5, 2.5));
            var area = Math.Round(Math.Max(40, households[c.Code] / 100 * per100), 1);
            var opened = early ? Before2021(random) : DayIn(random, 2021 + random.Next(5));
            yield return new Row(FacilityType.ElderlyCareStation, c, NameOf(c, "居家养老服务站"), area, null, 8, opened);
        }
        var largest = communities.Where(c => c.Kind == RegionKind.UrbanCommunity)
            .OrderByDescending(c => households[c.Code] * (1 + 0.3 * SeedRandom.For(seed, "facilities-care-centre", c.Code).NextDouble()))
            .ThenBy(c => c.Code, StringComparer.Ordinal).Take(279 + 45).ToList();
        for (var i = 0; i < largest.Count; i++)
        {
            var c = largest[i];
            var random = SeedRandom.For(seed, "facilities-care-centre-day", c.Code);
            var opened = i < 279 ? Before2021(random) : DayIn(random, 2021 + random.Next(5));
            yield return new Row(FacilityType.HomeCareCentre, c, NameOf(c, "居家养老服务中心"), Math.Round(800 + 1200 * random.NextDouble(), 1), null, 10, opened);
        }
    }

    /// <summary>Emergency shelters: 600 sites by 2020 holding 1.1 m² per resident, 250 more by 2025 adding 0.45 m², 30 in 2026.</summary>
    private static IEnumerable<Row> Shelters(int seed, List<RegionInfo> communities, Func<RegionInfo, bool> lags)
    {
        var random = SeedRandom.For(seed, "facilities-shelter", "city");
        var drafts = new List<(RegionInfo Community, double Area, int Year)>();
        foreach (var (count, year) in new[] { (600, 2020), (250, 2021), (30, 2026) })
        {
            for (var i = 0; i < count; i++)
            {
                RegionInfo c;
                do c = communities[random.Next(communities.Count)];
                while ((c.Kind == RegionKind.Village && random.NextDouble() < 0.7) || (year > 2020 && lags(c) && random.NextDouble() < 0.7));
                drafts.Add((c, 5_000 * Math.Exp(1.2 * random.NextDouble() + 0.6 * random.NextGaussian()), year == 2021 ? 2021 + random.Next(5) : year));
            }
        }
        var before = drafts.Where(d => d.Year <= 2020).Sum(d => d.Area);
        var later = drafts.Where(d => d.Year is > 2020 and <= 2025).Sum(d => d.Area);
        foreach (var d in drafts)
        {
            var scale = d.Year <= 2020 ? ShelterPerResident2020 * CityProfile.CityResidents / before : ShelterAdded2025 * CityProfile.CityResidents / later;
            var opened = d.Year <= 2020 ? Before2021(random) : DayIn(random, d.Year);
            yield return new Row(FacilityType.Shelter, d.Community, NameOf(d.Community, "应急避难场所"), Math.Round(d.Area * scale, 0), null, 24, opened);
        }
    }

    /// <summary>Minors' protection stations, one a street in its first community: 30 % of streets by 2020, 76 % by 2025.</summary>
    private static IEnumerable<Row> MinorsStations(int seed, List<RegionInfo> streets, List<RegionInfo> communities, Func<RegionInfo, bool> lags)
    {
        var firstCommunity = communities.GroupBy(c => c.Code[..9]).ToDictionary(g => g.Key, g => g.MinBy(c => c.Code, StringComparer.Ordinal)!);
        var order = streets.Where(s => firstCommunity.ContainsKey(s.Code))
            .OrderBy(s => SeedRandom.For(seed, "facilities-minors", s.Code).NextDouble() * (lags(firstCommunity[s.Code]) ? 2 : 1))
            .ThenBy(s => s.Code, StringComparer.Ordinal).ToList();
        var steps = new (int Year, double Share)[] { (2020, 0.30), (2021, 0.42), (2022, 0.52), (2023, 0.61), (2024, 0.69), (2025, 0.76), (2026, 0.80) };
        for (var i = 0; i < order.Count; i++)
        {
            var step = steps.FirstOrDefault(s => i < s.Share * order.Count);
            if (step.Year == 0) yield break;
            var random = SeedRandom.For(seed, "facilities-minors-day", order[i].Code);
            var opened = step.Year <= 2020 ? DayIn(random, 2018 + random.Next(3)) : DayIn(random, step.Year);
            yield return new Row(FacilityType.MinorsProtectionStation, firstCommunity[order[i].Code], $"样例{order[i].Name}未成年人保护工作站（测）", 0, null, 8, opened);
        }
    }

    /// <summary>
    /// One facility a community, opened to reach each year's cumulative count (urban communities first, lagging districts
    /// late); a few of those standing in 2020 close in 2022–2024.
    /// </summary>
    private static IEnumerable<Row> Scheduled(int seed, FacilityType type, string label, List<RegionInfo> communities, Func<RegionInfo, bool> lags,
        (int Year, int Cumulative)[] steps, int closures)
    {
        var salt = $"facilities-{(int)type}";
        var order = communities
            .OrderBy(c => SeedRandom.For(seed, salt, c.Code).NextDouble() * (c.Kind == RegionKind.Village ? 2.5 : 1) * (lags(c) ? 1.8 : 1))
            .ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
        var closeEvery = Math.Max(1, steps[0].Cumulative / Math.Max(1, closures));
        for (var i = 0; i < Math.Min(order.Count, steps[^1].Cumulative); i++)
        {
            var year = steps.First(s => i < s.Cumulative).Year;
            var random = SeedRandom.For(seed, salt + "-day", order[i].Code);
            var opened = year <= 2020 ? DayIn(random, 2015 + random.Next(6)) : DayIn(random, year);
            var closed = year <= 2020 && i % closeEvery == 0 && i / closeEvery < closures ? DayIn(random, 2022 + random.Next(3)) : (DateOnly?)null;
            yield return new Row(type, order[i], NameOf(order[i], label), 0, null, 8, opened, closed);
        }
    }

    /// <summary>
    /// The types of the registry that no indicator measures, in the plan's 2020 numbers where it gives them (2,002 culture
    /// centres, 2,190 community reading rooms, 110 fitness parks, 5,705 fitness sites, 227 culture squares) and in plausible
    /// ones otherwise, with a few more opening 2021–2025. Types of one per community follow <see cref="Scheduled"/>; the others
    /// go to communities drawn in proportion to their full-scale households, so they cluster like the population.
    /// </summary>
    private static IEnumerable<Row> EveryType(int seed, List<RegionInfo> communities, List<RegionInfo> streets, Dictionary<string, double> households,
        Func<RegionInfo, bool> lags)
    {
        var perCommunity = new (FacilityType Type, string Label, int In2020, int In2025, double Hours)[]
        {
            (FacilityType.CultureCentre, "综合文化活动中心", 2002, 2150, 8),
            (FacilityType.Library, "社区书屋", 2190, 2300, 8),
            (FacilityType.HealthStation, "社区卫生服务站", 1100, 1250, 10),
            (FacilityType.DayCareCentre, "日间照料中心", 420, 620, 10),
            (FacilityType.ElderlyCanteen, "老年助餐点", 300, 900, 6),
            (FacilityType.ConvenienceStation, "便民服务站", 900, 1300, 12),
        };
        foreach (var t in perCommunity)
            foreach (var row in Scheduled(seed, t.Type, t.Label, communities, lags,
                         [(2020, t.In2020), (2021, t.In2020 + (t.In2025 - t.In2020) / 4), (2023, t.In2020 + (t.In2025 - t.In2020) * 3 / 4), (2025, t.In2025)], closures: 3))
                yield return row with { Hours = t.Hours, Area = AreaOf(t.Type, seed, row.Community.Code) };

        var weighted = new (FacilityType Type, string Label, int In2020, int In2025, double Hours)[]
        {
            (FacilityType.FitnessSite, "健身场地", 5705, 6300, 24),
            (FacilityType.FitnessPark, "健身公园", 110, 160, 24),
            (FacilityType.CultureSquare, "文化广场", 227, 250, 24),
            (FacilityType.Park, "社区公园", 450, 600, 24),
            (FacilityType.Childcare, "托育服务机构", 380, 700, 10),
            (FacilityType.ExpressStation, "快递服务站", 2600, 3400, 12),
        };
        var cumulative = new List<(RegionInfo Community, double Upto)>();
        var sum = 0.0;
        foreach (var c in communities.OrderBy(c => c.Code, StringComparer.Ordinal))
        {
            sum += households[c.Code] * (lags(c) ? 0.8 : 1);
            cumulative.Add((c, sum));
        }
        RegionInfo Draw(Random random)
        {
            var x = random.NextDouble() * sum;
            var lo = 0;
            var hi = cumulative.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (cumulative[mid].Upto < x) lo = mid + 1; else hi = mid;
            }
            return cumulative[lo].Community;
        }
        foreach (var t in weighted)
        {
            var random = SeedRandom.For(seed, $"facilities-{(int)t.Type}", "city");
            for (var i = 0; i < t.In2025; i++)
            {
                var c = Draw(random);
                var opened = i < t.In2020 ? Before2021(random) : DayIn(random, 2021 + random.Next(5));
                var area = AreaOf(t.Type, seed, c.Code + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                yield return new Row(t.Type, c, NameOf(c, t.Label + (i % 7 == 0 ? "（二）" : "")), area, null, t.Hours, opened);
            }
        }

        // A social-work station in every street (社会工作站全覆盖), in its first community: 60 % by 2020, all by 2023.
        var firstCommunity = communities.GroupBy(c => c.Code[..9]).ToDictionary(g => g.Key, g => g.MinBy(c => c.Code, StringComparer.Ordinal)!);
        foreach (var street in streets.Where(s => firstCommunity.ContainsKey(s.Code)))
        {
            var random = SeedRandom.For(seed, "facilities-social-work", street.Code);
            var opened = random.NextDouble() < 0.6 ? DayIn(random, 2018 + random.Next(3)) : DayIn(random, 2021 + random.Next(3));
            yield return new Row(FacilityType.SocialWorkStation, firstCommunity[street.Code], $"样例{street.Name}社会工作站（测）", 120, null, 8, opened);
        }
    }

    /// <summary>A plausible floor or site area of one facility of a type, m².</summary>
    private static double AreaOf(FacilityType type, int seed, string key)
    {
        var r = SeedRandom.For(seed, $"facilities-area-{(int)type}", key).NextDouble();
        var (low, high) = type switch
        {
            FacilityType.CultureCentre => (150, 600),
            FacilityType.Library => (40, 150),
            FacilityType.HealthStation => (150, 400),
            FacilityType.DayCareCentre => (200, 800),
            FacilityType.ElderlyCanteen => (60, 200),
            FacilityType.ConvenienceStation => (30, 120),
            FacilityType.FitnessSite => (200, 1500),
            FacilityType.FitnessPark => (8000, 40000),
            FacilityType.CultureSquare => (2000, 15000),
            FacilityType.Park => (1000, 10000),
            FacilityType.Childcare => (300, 1200),
            _ => (20, 60),
        };
        return Math.Round(low + (high - low) * r, 0);
    }

    /// <summary>A point a few hundred metres from the community centre, inside the district; the centre itself otherwise.</summary>
    private (double, double) Place(Random random, RegionInfo community)
    {
        var district = community.Code[..6];
        var (lon, lat) = community is { Longitude: { } x, Latitude: { } y } ? (x, y) : geometry.CentreOf(district);
        var radius = community.Kind == RegionKind.UrbanCommunity ? 0.003 : 0.006;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var pLon = lon + (random.NextDouble() * 2 - 1) * radius;
            var pLat = lat + (random.NextDouble() * 2 - 1) * radius;
            if (geometry.Contains(district, pLon, pLat)) return (Math.Round(pLon, 6), Math.Round(pLat, 6));
        }
        return (lon, lat);
    }
}
