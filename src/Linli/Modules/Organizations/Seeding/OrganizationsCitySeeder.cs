using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Organizations.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Seeding;

/// <summary>
/// The organizations part of the synthetic city: community social organizations, drawn per community.
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
/// same for the same seed.
/// </para>
/// </summary>
internal sealed class OrganizationsCitySeeder(OrganizationsDbContext db, IRegionDirectory regions) : ICitySeeder
{
    public const double PerUrbanCommunity = 9.6;
    public const double PerVillage = 0.58;

    public int Order => 30;
    public string Name => "organizations (community social organizations)";

    private static readonly DateTime FirstRegistration = new(2005, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LastRegistration = new(2020, 12, 31, 0, 0, 0, DateTimeKind.Utc);

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
            for (var i = 0; i < units.Count; i++) rows.AddRange(Organizations(streams[i], units[i], counts[i]));
        }
        var written = await BulkWriter.WriteAsync<SocialOrganization>(db,
            [nameof(SocialOrganization.Name), nameof(SocialOrganization.Kind), nameof(SocialOrganization.CommunityCode),
             nameof(SocialOrganization.RegisteredAt), nameof(SocialOrganization.IsSynthetic)], rows, cancellationToken);
        progress.Report($"organizations: {written} social organizations in {urban.Count} urban communities and {villages.Count} villages");
    }

    private static IEnumerable<object?[]> Organizations(Random random, RegionInfo community, int count)
    {
        var used = new Dictionary<string, int>();
        var days = (LastRegistration - FirstRegistration).Days;
        for (var n = 0; n < count; n++)
        {
            var (kind, _, themes) = PickKind(random);
            var theme = themes[random.Next(themes.Length)];
            var repeat = used[theme] = used.GetValueOrDefault(theme) + 1;
            // "样例 … （测）": visibly synthetic, never mistaken for a real registration.
            var name = repeat == 1 ? $"样例{community.Name}{theme}（测）" : $"样例{community.Name}{theme}{repeat}（测）";
            yield return [name, (int)kind, community.Code, FirstRegistration.AddDays(random.Next(days + 1)), true];
        }
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
