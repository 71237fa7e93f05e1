using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Organizations.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Seeding;

/// <summary>
/// The organizations part of the synthetic city: community social organizations, drawn per community, and social-work
/// stations of the streets and towns, as a history from the plan's baseline (2020-12-31) to <see cref="LastDay"/>.
/// <para>
/// Calibration: the plan's 2020 rates (专栏1, indicators 8 and 9) are 9.6 per urban community and 0.58 per village. They were
/// measured on 955 urban communities and 1,527 villages (10,142 organizations in all); the region tree the product imports
/// is the 2023 one (1,153 urban communities, 1,539 villages, 11 virtual units), so the generator keeps the per-community
/// RATES, not the 2020 total: round(9.6 × urban communities) + round(0.58 × villages) organizations (11,962 on the 2023 tree).
/// Virtual units (farms, development zones) get none.
/// </para>
/// <para>
/// Each community draws a Poisson count around the rate, scaled by its full-scale households (bigger communities have more
/// organizations), from its own stream <c>SeedRandom.For(seed, "organizations", code)</c>; a city-level stream then nudges
/// the counts until the totals are exact. The structure does not depend on the scale (only the population does) and is the
/// same for the same seed. These are the organizations active on 2020-12-31, registered 2005–2020.
/// </para>
/// <para>
/// From 2021 about 1.5 % a year are dissolved and new ones registered toward the 2025 targets (data/indicators-2021-2025.json,
/// 8 and 9: 12 per urban community, 5 in every village of over 500 households) at the district's pace: most districts
/// get there (or a little past), a quarter get half way. Villages under 500 households gain a few. Social-work stations:
/// about a third of the streets and towns had one in 2020; the others open theirs 2021–2025, except some in the lagging
/// districts, which open later or not yet; a few early stations moved (closed, and another opened weeks later).
/// </para>
/// </summary>
internal sealed class OrganizationsCitySeeder(OrganizationsDbContext db, IRegionDirectory regions) : ICitySeeder
{
    public const double PerUrbanCommunity = 9.6;
    public const double PerVillage = 0.58;

    /// <summary>The 2025 targets (data/indicators-2021-2025.json, 8 and 9).</summary>
    public const double TargetPerUrbanCommunity = 12, TargetPerLargeVillage = 5;
    public const int LargeVillageHouseholds = 500;
    /// <summary>The synthetic history ends here (a fixed day, so the same seed gives the same city on any day it runs).</summary>
    public static readonly DateOnly LastDay = new(2026, 10, 31);

    public int Order => 30;
    public string Name => "organizations (community social organizations, social-work stations)";

    private static readonly DateOnly FirstRegistration = new(2005, 1, 1);
    private static readonly DateOnly LastRegistration = new(2020, 12, 31);

    private static readonly (SocialOrganizationKind Kind, double Share, string[] Themes)[] Kinds =
    [
        (SocialOrganizationKind.LifeService, 0.35, ["便民服务队", "助餐服务社", "家电维修服务队", "理发服务队", "家政服务社"]),
        (SocialOrganizationKind.Charity, 0.20, ["爱心公益协会", "关爱儿童协会", "公益读书会", "爱心助学会"]),
        (SocialOrganizationKind.Assistance, 0.20, ["扶老助残服务队", "困难家庭帮扶队", "心理疏导服务站", "法律援助服务队"]),
        (SocialOrganizationKind.MutualAid, 0.25, ["邻里互助会", "睦邻议事会", "老年互助协会", "文体活动协会", "巾帼互助队"]),
    ];

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.SocialOrganizations.AnyAsync(o => o.IsSynthetic, cancellationToken);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var communities = await regions.ListAsync(RegionLevel.Community, cancellationToken: cancellationToken);
        var urban = communities.Where(c => c.Kind == RegionKind.UrbanCommunity).ToList();
        var villages = communities.Where(c => c.Kind == RegionKind.Village).ToList();
        var rows = new List<object?[]>();
        foreach (var (units, rate) in new[] { (urban, PerUrbanCommunity), (villages, PerVillage) })
        {
            if (units.Count == 0) continue;
            var households = units.Select(c => (double)CityProfile.FullScaleHouseholds(options.Seed, c.Code,
                c.Kind == RegionKind.UrbanCommunity, c.Kind == RegionKind.Village, urban.Count, villages.Count)).ToArray();
            var meanHouseholds = households.Average();
            var streams = units.Select(c => SeedRandom.For(options.Seed, "organizations", c.Code)).ToArray();
            var counts = units.Select((_, i) => Poisson(streams[i], rate * households[i] / meanHouseholds)).ToArray();
            var kindName = units[0].Kind.ToString();
            SeedRandom.For(options.Seed, "organizations", "total-" + kindName).CorrectTotal(counts, (long)Math.Round(rate * units.Count));
            for (var i = 0; i < units.Count; i++)
            {
                var target = units[i].Kind == RegionKind.UrbanCommunity
                    ? counts[i] * TargetPerUrbanCommunity / PerUrbanCommunity
                    : households[i] > LargeVillageHouseholds ? Math.Max(counts[i], TargetPerLargeVillage) : counts[i] + 1.0;
                rows.AddRange(Organizations(streams[i], SeedRandom.For(options.Seed, "organizations-history", units[i].Code),
                    units[i], counts[i], target, DistrictPace(options.Seed, units[i].Code)));
            }
        }
        var written = await BulkWriter.WriteAsync<SocialOrganization>(db,
            [nameof(SocialOrganization.Name), nameof(SocialOrganization.Kind), nameof(SocialOrganization.CommunityCode),
             nameof(SocialOrganization.RegisteredOn), nameof(SocialOrganization.DissolvedOn), nameof(SocialOrganization.IsSynthetic)], rows, cancellationToken);

        var streets = (await regions.ListAsync(RegionLevel.Street, cancellationToken: cancellationToken))
            .Where(s => s.Kind is RegionKind.Subdistrict or RegionKind.Town or RegionKind.Township).ToList();
        var stations = streets.SelectMany(s => Stations(SeedRandom.For(options.Seed, "stations", s.Code), s, DistrictPace(options.Seed, s.Code))).ToList();
        await BulkWriter.WriteAsync<SocialWorkStation>(db,
            [nameof(SocialWorkStation.Name), nameof(SocialWorkStation.StreetCode), nameof(SocialWorkStation.OpenedOn),
             nameof(SocialWorkStation.ClosedOn), nameof(SocialWorkStation.IsSynthetic)], stations, cancellationToken);
        progress.Report($"organizations: {written} social organizations 2005–{LastDay.Year} in {urban.Count} urban communities and {villages.Count} villages, " +
                        $"{stations.Count} social-work stations in {streets.Count} streets and towns");
    }

    /// <summary>How far toward the 2025 targets a district gets by 2025 (1 = all the way): a quarter of the districts lag.</summary>
    private static double DistrictPace(int seed, string code)
    {
        var random = SeedRandom.For(seed, "organizations-district", code[..6]);
        return random.NextDouble() < 0.25 ? 0.4 + 0.2 * random.NextDouble() : 0.95 + 0.15 * random.NextDouble();
    }

    /// <summary>Share of the way from 2020 to the 2025 targets at the end of <paramref name="year"/>; 2026 goes on a little.</summary>
    private static double Progress(int year) => Math.Min(year - LastRegistration.Year, 5.5) / 5.0;

    private static DateOnly YearEnd(int year) => year >= LastDay.Year ? LastDay : new DateOnly(year, 12, 31);

    private static DateOnly RandomDay(Random random, DateOnly from, DateOnly to) => from.AddDays(random.Next(to.DayNumber - from.DayNumber + 1));

    private static IEnumerable<object?[]> Stations(Random random, RegionInfo street, double pace)
    {
        var name = $"样例{street.Name}社会工作服务站（测）";
        DateOnly opened;
        if (random.NextDouble() < 0.35) opened = RandomDay(random, new DateOnly(2015, 1, 1), LastRegistration);
        else if (random.NextDouble() < Math.Min(1, pace)) opened = RandomDay(random, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31));
        else if (random.NextDouble() < 0.5) opened = RandomDay(random, new DateOnly(2026, 1, 1), LastDay);
        else yield break;
        if (opened <= LastRegistration && random.NextDouble() < 0.05)
        {
            // Moved: closed some day of 2021–2023, the new one opened 30–200 days later.
            var closed = RandomDay(random, new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31));
            yield return [name, street.Code, opened, closed, true];
            yield return [name, street.Code, closed.AddDays(30 + random.Next(171)), null, true];
        }
        else yield return [name, street.Code, opened, null, true];
    }

    /// <summary>
    /// The community's organizations: <paramref name="count"/> active on 2020-12-31 (from the community's first stream, as
    /// before the history existed), then each year's dissolutions and registrations toward <paramref name="target"/>.
    /// </summary>
    private static IEnumerable<object?[]> Organizations(Random random, Random history, RegionInfo community, int count, double target, double pace)
    {
        var used = new Dictionary<string, int>();
        var days = LastRegistration.DayNumber - FirstRegistration.DayNumber;
        var all = new List<(SocialOrganizationKind Kind, string Name, DateOnly Registered, DateOnly? Dissolved)>();
        string NameOf(string theme)
        {
            var repeat = used[theme] = used.GetValueOrDefault(theme) + 1;
            // "样例 … （测）": visibly synthetic, never mistaken for a real registration.
            return repeat == 1 ? $"样例{community.Name}{theme}（测）" : $"样例{community.Name}{theme}{repeat}（测）";
        }
        for (var n = 0; n < count; n++)
        {
            var (kind, _, themes) = PickKind(random);
            var name = NameOf(themes[random.Next(themes.Length)]);
            all.Add((kind, name, FirstRegistration.AddDays(random.Next(days + 1)), null));
        }
        for (var year = LastRegistration.Year + 1; year <= LastDay.Year; year++)
        {
            var (start, end) = (new DateOnly(year, 1, 1), YearEnd(year));
            for (var i = 0; i < all.Count; i++)
                if (all[i].Dissolved == null && history.NextDouble() < 0.015)
                    all[i] = all[i] with { Dissolved = RandomDay(history, all[i].Registered > start ? all[i].Registered.AddDays(1) : start, end) };
            var wanted = history.RoundStochastic(count + (target - count) * Math.Min(1.0, pace * Progress(year)));
            for (var active = all.Count(o => o.Dissolved == null); active < wanted; active++)
            {
                var (kind, _, themes) = PickKind(history);
                all.Add((kind, NameOf(themes[history.Next(themes.Length)]), RandomDay(history, start, end), null));
            }
        }
        return all.Select(o => new object?[] { o.Name, (int)o.Kind, community.Code, o.Registered, o.Dissolved, true });
    }

    private static (SocialOrganizationKind, double, string[]) PickKind(Random random)
    {
        var u = random.NextDouble();
        foreach (var k in Kinds)
        {
            if (u < k.Share) return k;
            u -= k.Share;
        }
        return Kinds[^1];
    }

    /// <summary>Knuth's Poisson draw; fine for the small means used here.</summary>
    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble()) k++;
        return k;
    }
}
