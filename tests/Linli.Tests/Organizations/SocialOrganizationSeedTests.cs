using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Modules.Regions.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Organizations;

/// <summary>The synthetic city's social organizations against the plan's 2020 rates (专栏1 indicators 8 and 9).</summary>
[Collection("city2")]
public sealed class SocialOrganizationSeedTests(CityFixture city)
{
    private static readonly DateOnly Baseline = new(2020, 12, 31);

    [Fact]
    public async Task At_the_end_of_2020_the_city_has_9_6_organizations_per_urban_community_and_0_58_per_village()
    {
        var (perCommunity, kinds) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationsDbContext>();
            var perCommunity = await db.SocialOrganizations.Where(o => o.RegisteredOn <= Baseline && (o.DissolvedOn == null || o.DissolvedOn > Baseline))
                .GroupBy(o => o.CommunityCode)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            var kinds = await db.SocialOrganizations.Select(o => o.Kind).Distinct().ToListAsync();
            return (perCommunity, kinds);
        });
        var communities = await city.App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community));
        double Rate(RegionKind kind)
        {
            var units = communities.Where(c => c.Kind == kind).ToList();
            return units.Sum(c => perCommunity.GetValueOrDefault(c.Code)) / (double)units.Count;
        }

        Assert.InRange(Rate(RegionKind.UrbanCommunity), 9.6 * 0.98, 9.6 * 1.02);
        Assert.InRange(Rate(RegionKind.Village), 0.58 * 0.98, 0.58 * 1.02);
        Assert.Equal(0, Rate(RegionKind.VirtualUnit));
        var kindOf = communities.ToDictionary(c => c.Code, c => c.Kind);
        Assert.All(perCommunity.Keys, code => Assert.Contains(kindOf[code], new[] { RegionKind.UrbanCommunity, RegionKind.Village }));
        Assert.Equal(Enum.GetValues<SocialOrganizationKind>().Order(), kinds.Order());
    }

    [Fact]
    public async Task Every_seeded_organization_is_visibly_synthetic()
    {
        var rows = await city.App.WithScopeAsync(sp => sp.GetRequiredService<OrganizationsDbContext>().SocialOrganizations
            .Select(o => new { o.Name, o.IsSynthetic, o.RegisteredOn, o.DissolvedOn }).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, o =>
        {
            Assert.True(o.IsSynthetic);
            Assert.StartsWith("样例", o.Name);
            Assert.EndsWith("（测）", o.Name);
            Assert.InRange(o.RegisteredOn, new DateOnly(2005, 1, 1), new DateOnly(2026, 10, 31));
            if (o.DissolvedOn is { } dissolved) Assert.True(dissolved > o.RegisteredOn);
        });
    }
}
