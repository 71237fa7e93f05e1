using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Volunteering;

/// <summary>The volunteer register over HTTP: registration from the resident pool, once per resident, fields named in refusals, and the caller's area.</summary>
[Collection("city")]
public sealed class VolunteerApiTests(CityFixture city)
{
    // Residents 0–29 of the district (VolunteeringTestData) belong to this class.
    private async Task<long> ResidentOfCommunityAAsync(int nth) =>
        (await VolunteeringTestData.ResidentsAsync(city, 0, 30)).Where(r => r.CommunityCode == CityFixture.CommunityA).Skip(nth).First().Id;

    [Fact]
    public async Task A_community_worker_registers_a_party_member_of_the_community_with_skills_and_branch()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var residentId = await ResidentOfCommunityAAsync(0);

        var response = await client.PostAsJsonAsync("/api/volunteers", new
        {
            residentId, skills = new[] { "ElderlyCare", "Repairs" }, isPartyMember = true, partyBranch = "市供电公司第三党支部", workUnit = "市供电公司",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(CityFixture.CommunityA, body.GetProperty("communityCode").GetString());
        Assert.Equal(residentId, body.GetProperty("residentId").GetInt64());
        Assert.Equal(["ElderlyCare", "Repairs"], body.GetProperty("skills").EnumerateArray().Select(s => s.GetString()!));
        Assert.Equal(["助老服务", "家电维修"], body.GetProperty("skillLabels").EnumerateArray().Select(s => s.GetString()!));
        Assert.True(body.GetProperty("isPartyMember").GetBoolean());
        Assert.Equal("市供电公司", body.GetProperty("workUnit").GetString());
        Assert.False(body.TryGetProperty("idNumber", out _));

        var read = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location!);
        Assert.Equal(body.GetProperty("name").GetString(), read.GetProperty("name").GetString());
        Assert.Equal(0, read.GetProperty("totalHours").GetDouble());
    }

    [Fact]
    public async Task A_resident_registers_once_and_a_second_registration_is_a_409_even_from_another_area()
    {
        var residentId = await ResidentOfCommunityAAsync(1);
        var worker = await city.App.ClientForAsync("cw.a");
        var district = await city.App.ClientForAsync("district.heping");

        var first = await worker.PostAsJsonAsync("/api/volunteers", new { residentId, skills = new[] { "Tutoring" } });
        var second = await district.PostAsJsonAsync("/api/volunteers", new { residentId, communityCode = CityFixture.CommunityB, skills = new[] { "Legal" } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_resident_give_one_volunteer_and_409s()
    {
        var residentId = await ResidentOfCommunityAAsync(2);
        var worker = await city.App.ClientForAsync("cw.a");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => worker.PostAsJsonAsync("/api/volunteers", new { residentId, skills = new[] { "Driving" } })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Theory]
    [InlineData("""{"skills":["ElderlyCare"]}""", "residentId")]
    [InlineData("""{"residentId":999999999,"skills":["ElderlyCare"]}""", "residentId")]
    [InlineData("""{"residentId":RESIDENT,"skills":[]}""", "skills")]
    [InlineData("""{"residentId":RESIDENT,"skills":[3]}""", "Skills[0]")]
    [InlineData("""{"residentId":RESIDENT,"skills":["Tutoring"],"isPartyMember":true}""", "partyBranch")]
    [InlineData("""{"residentId":RESIDENT,"skills":["Tutoring"],"workUnit":"某单位"}""", "isPartyMember")]
    [InlineData("""{"residentId":RESIDENT,"skills":["Tutoring"],"communityCode":"2101"}""", "CommunityCode")]
    [InlineData("""{"residentId":RESIDENT,"skills":["Tutoring"],"communityCode":"210102999999"}""", "communityCode")]
    public async Task Bad_input_is_a_400_problem_naming_the_field(string json, string field)
    {
        var client = await city.App.ClientForAsync("cw.a");
        var residentId = await ResidentOfCommunityAAsync(3);

        var response = await client.PostAsync("/api/volunteers",
            new StringContent(json.Replace("RESIDENT", residentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_resident_outside_the_workers_community_cannot_be_registered_and_an_outside_community_is_refused()
    {
        var residentOfA = await ResidentOfCommunityAAsync(4);
        var workerB = await city.App.ClientForAsync("cw.b");
        var workerA = await city.App.ClientForAsync("cw.a");

        var outsideResident = await workerB.PostAsJsonAsync("/api/volunteers", new { residentId = residentOfA, skills = new[] { "Legal" } });
        var outsideCommunity = await workerA.PostAsJsonAsync("/api/volunteers", new { residentId = residentOfA, communityCode = CityFixture.CommunityB, skills = new[] { "Legal" } });

        Assert.Equal(HttpStatusCode.BadRequest, outsideResident.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsideCommunity.StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_community_skill_and_party_membership_within_the_callers_area()
    {
        var ids = await VolunteeringTestData.RegisterAsync(city, 10, 4, skill: "Psychological", partyMember: true);
        var district = await city.App.ClientForAsync("district.heping");
        var workerB = await city.App.ClientForAsync("cw.b");

        var found = await district.GetFromJsonAsync<JsonElement>($"/api/volunteers?community={CityFixture.CommunityA}&skill=Psychological&partyMember=true&pageSize=500");
        var notParty = await district.GetFromJsonAsync<JsonElement>($"/api/volunteers?community={CityFixture.CommunityA}&skill=Psychological&partyMember=false&pageSize=500");
        var fromB = await workerB.GetFromJsonAsync<JsonElement>("/api/volunteers?skill=Psychological&pageSize=500");
        var oneFromB = await workerB.GetAsync($"/api/volunteers/{ids[0]}");

        var listed = found.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetInt64()).ToList();
        Assert.Subset(listed.ToHashSet(), ids.ToHashSet());
        Assert.All(found.GetProperty("items").EnumerateArray(), v => Assert.Contains("Psychological", v.GetProperty("skills").EnumerateArray().Select(s => s.GetString())));
        Assert.DoesNotContain(notParty.GetProperty("items").EnumerateArray(), v => ids.Contains(v.GetProperty("id").GetInt64()));
        Assert.DoesNotContain(fromB.GetProperty("items").EnumerateArray(), v => ids.Contains(v.GetProperty("id").GetInt64()));
        Assert.Equal(HttpStatusCode.NotFound, oneFromB.StatusCode);
    }

    [Fact]
    public async Task A_resident_account_may_not_read_or_register_volunteers()
    {
        var resident = await city.App.ClientForAsync("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/volunteers")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync("/api/volunteers", new { residentId = 1, skills = new[] { "Legal" } })).StatusCode);
    }
}
