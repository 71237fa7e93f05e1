using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Residents.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Volunteering;

/// <summary>
/// Residents of 和平区 (210102) for the volunteering tests. Each test class takes its own slice of them (by id order), so
/// tests of the shared city never register the same resident twice; all serve in <see cref="CityFixture.CommunityA"/>.
/// </summary>
internal static class VolunteeringTestData
{
    public const string District = "210102";

    public static Task<List<(long Id, string CommunityCode)>> ResidentsAsync(CityFixture city, int skip, int take) =>
        city.App.WithScopeAsync(async sp => (await sp.GetRequiredService<ResidentsDbContext>().Residents.AsNoTracking()
                .Where(r => r.CommunityCode.StartsWith(District)).OrderBy(r => r.Id).Skip(skip).Take(take)
                .Select(r => new { r.Id, r.CommunityCode }).ToListAsync())
            .Select(r => (r.Id, r.CommunityCode)).ToList());

    /// <summary>Registers residents as volunteers serving CommunityA (by the district's staff, whose area holds them all); their volunteer ids.</summary>
    public static async Task<List<long>> RegisterAsync(CityFixture city, int skip, int take, string skill = "ElderlyCare", bool partyMember = false)
    {
        var client = await city.App.ClientForAsync("district.heping");
        var ids = new List<long>();
        foreach (var (residentId, _) in await ResidentsAsync(city, skip, take))
        {
            var response = await client.PostAsJsonAsync("/api/volunteers", new
            {
                residentId, communityCode = CityFixture.CommunityA, skills = new[] { skill }, isPartyMember = partyMember,
                partyBranch = partyMember ? "和平区机关第一党支部" : null, workUnit = partyMember ? "和平区民政局" : null,
            });
            response.EnsureSuccessStatusCode();
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        return ids;
    }
}
