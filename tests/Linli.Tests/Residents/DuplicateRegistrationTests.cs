using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

/// <summary>
/// An ID number is registered once in the city. The refusal of a second registration tells the caller nothing about
/// where the first one is: the same answer inside and outside the caller's area, and the case goes to the district.
/// </summary>
[Collection("city")]
public sealed class DuplicateRegistrationTests(CityFixture city)
{
    private static async Task<JsonElement> ConflictAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The members of a problem that could tell one case from another (not the trace or the case's own id).</summary>
    private static string Shape(JsonElement problem) =>
        string.Join("|", problem.EnumerateObject().Where(p => p.Name is not ("traceId" or "verificationId")).OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));

    [Fact]
    public async Task A_registered_number_gets_the_same_answer_whether_the_first_registration_is_inside_or_outside_the_area()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var cwB = await city.App.ClientForAsync("cw.b");
        var idNumber = NewIdNumber();
        await CreateAsync(cwA, CityFixture.CommunityA, idNumber);

        var inside = await ConflictAsync(await cwA.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, idNumber)));
        var outside = await ConflictAsync(await cwB.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, idNumber)));
        Assert.Equal(Shape(inside), Shape(outside));
        Assert.Contains("需上级核实", outside.GetProperty("detail").GetString());
        Assert.DoesNotContain(CityFixture.CommunityA, outside.ToString());
        Assert.True(outside.GetProperty("verificationId").GetInt64() > 0);
    }

    [Fact]
    public async Task The_refused_registration_goes_to_the_district_which_alone_sees_where_the_number_is_registered()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var cwB = await city.App.ClientForAsync("cw.b");
        var idNumber = NewIdNumber();
        var existing = await CreateAsync(cwA, CityFixture.CommunityA, idNumber);
        var refused = await ConflictAsync(await cwB.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, idNumber, name: "重复登记")));
        var caseId = refused.GetProperty("verificationId").GetInt64();
        // Trying again does not open a second case.
        var again = await ConflictAsync(await cwB.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, idNumber, name: "重复登记")));
        Assert.Equal(caseId, again.GetProperty("verificationId").GetInt64());

        async Task<JsonElement?> CaseAsync(HttpClient client)
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/api/residents/verifications?open=true&pageSize=100");
            return page.GetProperty("items").EnumerateArray().Where(v => v.GetProperty("id").GetInt64() == caseId).Select(v => (JsonElement?)v).FirstOrDefault();
        }
        // The district sees the case and where the number is registered (its area covers both communities).
        var district = await city.App.ClientForAsync("district.heping");
        var seen = Assert.NotNull(await CaseAsync(district));
        Assert.Equal(CityFixture.CommunityB, seen.GetProperty("communityCode").GetString());
        Assert.Equal(CityFixture.CommunityA, seen.GetProperty("existingCommunityCode").GetString());
        Assert.Equal(existing, seen.GetProperty("existingResidentId").GetInt64());
        Assert.Matches(@"^\d{4}\*{14}$", seen.GetProperty("idNumber").GetString());
        Assert.Equal("cw.b", seen.GetProperty("requestedBy").GetString());
        // The community that tried sees its own case, but not where the number is.
        var own = Assert.NotNull(await CaseAsync(cwB));
        Assert.True(own.GetProperty("existingOutsideYourArea").GetBoolean());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("existingCommunityCode").ValueKind);
        Assert.Equal(JsonValueKind.Null, own.GetProperty("existingResidentId").ValueKind);
        // Another street's staff do not see it at all.
        Assert.Null(await CaseAsync(await city.App.ClientForAsync("street.a")));

        var resolved = await district.PostAsJsonAsync($"/api/residents/verifications/{caseId}/resolve", new { resolution = "已核实：系同一人，户籍在水源地社区。" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Null(await CaseAsync(district));
        Assert.Equal(HttpStatusCode.Conflict, (await district.PostAsJsonAsync($"/api/residents/verifications/{caseId}/resolve", new { resolution = "再次" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await city.App.ClientForAsync("street.a")).PostAsJsonAsync($"/api/residents/verifications/{caseId}/resolve", new { resolution = "越权" })).StatusCode);
    }

    [Fact]
    public async Task An_import_with_a_registered_number_is_refused_with_the_same_words_and_opens_a_case()
    {
        var idNumber = NewIdNumber();
        await CreateAsync(await city.App.ClientForAsync("cw.a"), CityFixture.CommunityA, idNumber);
        var cwB = await city.App.ClientForAsync("cw.b");
        var csv = "household_ref,community_code,address,name,id_number\r\n" + $"H1,{CityFixture.CommunityB},导入路1号,导入重复,{idNumber}\r\n";
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "people.csv");
        var response = await cwB.PostAsync("/api/residents/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("rows[2].id_number").EnumerateArray()).GetString();
        Assert.Contains("需上级核实", message);
        Assert.DoesNotContain(CityFixture.CommunityA, problem.ToString());
        var cases = await (await city.App.ClientForAsync("district.heping")).GetFromJsonAsync<JsonElement>("/api/residents/verifications?open=true&pageSize=100");
        Assert.Contains(cases.GetProperty("items").EnumerateArray(), v => v.GetProperty("name").GetString() == "导入重复" && v.GetProperty("source").GetString() == "import");
    }

    [Fact]
    public async Task The_verification_page_lists_the_case_and_settles_it_with_a_finding()
    {
        var idNumber = NewIdNumber();
        await CreateAsync(await city.App.ClientForAsync("cw.a"), CityFixture.CommunityA, idNumber);
        var cwB = await city.App.ClientForAsync("cw.b");
        var name = "页面核实" + Guid.NewGuid().ToString("N")[..4];
        var caseId = (await ConflictAsync(await cwB.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, idNumber, name: name))))
            .GetProperty("verificationId").GetInt64();

        // The community that tried sees its case, without where the number is registered.
        var own = await TextAsync(await cwB.GetAsync("/residents/verifications"));
        Assert.Contains(name, own);
        Assert.Contains("辖区外（请联系上级核实）", own);
        Assert.DoesNotContain(idNumber, own);

        var district = await city.App.ClientForAsync("district.heping");
        var page = await TextAsync(await district.GetAsync("/residents/verifications"));
        Assert.Contains(name, page);
        Assert.Contains($"?handler=Resolve&amp;id={caseId}", await (await district.GetAsync("/residents/verifications")).Content.ReadAsStringAsync());
        var token = await AntiforgeryTokenAsync(district, "/residents/verifications");
        var resolved = await district.PostAsync($"/residents/verifications?handler=Resolve&id={caseId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Resolution"] = "已核实：同一人。",
        }));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Contains("已办结。", await TextAsync(resolved));
        Assert.DoesNotContain(name, await TextAsync(await district.GetAsync("/residents/verifications")));
        Assert.Contains(name, await TextAsync(await district.GetAsync("/residents/verifications?show=resolved&pageNumber=1")));
    }

    [Fact]
    public async Task Registering_outside_the_callers_area_is_a_403_problem_from_the_shared_error_flow()
    {
        var response = await (await city.App.ClientForAsync("cw.a")).PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, NewIdNumber()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Forbidden.", problem.GetProperty("title").GetString());
        Assert.Contains("不在您的管辖范围内", problem.GetProperty("detail").GetString());
        Assert.True(problem.TryGetProperty("traceId", out _));
    }
}
