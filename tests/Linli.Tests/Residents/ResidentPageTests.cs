using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Protection;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

/// <summary>The Razor pages, as a browser without JavaScript uses them: plain GETs and form posts with antiforgery tokens.</summary>
[Collection("city")]
public sealed class ResidentPageTests(CityFixture city)
{
    [Fact]
    public async Task The_resident_page_shows_numbers_masked_and_a_reveal_form()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber, phone);

        var response = await client.GetAsync($"/residents/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains(Masking.IdNumber(idNumber), html);
        Assert.Contains(Masking.Phone(phone), html);
        Assert.DoesNotContain(idNumber, html);
        Assert.DoesNotContain(phone, html);
        Assert.Contains("查看原因", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task The_reveal_form_shows_the_full_number_once_and_writes_the_audit_entry()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber);
        var token = await AntiforgeryTokenAsync(client, $"/residents/{id}");

        var response = await client.PostAsync($"/residents/{id}?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Field"] = "idNumber", ["Reason"] = "上门核实身份",
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains(idNumber, await TextAsync(response));

        // Shown once: the next plain view is masked again.
        Assert.DoesNotContain(idNumber, await TextAsync(await client.GetAsync($"/residents/{id}")));
        var supervisor = await city.App.ClientForAsync("supervisor");
        var audit = await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?subjectType=resident&subjectId={id}");
        var entry = Assert.Single(audit.GetProperty("items").EnumerateArray());
        Assert.Equal("上门核实身份", entry.GetProperty("reason").GetString());
        Assert.Equal("cw.a", entry.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task The_reveal_form_without_a_reason_shows_an_error_and_reveals_nothing()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber);
        var token = await AntiforgeryTokenAsync(client, $"/residents/{id}");

        var response = await client.PostAsync($"/residents/{id}?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Field"] = "idNumber", ["Reason"] = "",
        }));
        var html = await TextAsync(response);
        Assert.Contains("请填写查看原因", html);
        Assert.DoesNotContain(idNumber, html);
        var audit = await (await city.App.ClientForAsync("supervisor")).GetFromJsonAsync<JsonElement>($"/api/audit?subjectType=resident&subjectId={id}");
        Assert.Equal(0, audit.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_reveal_form_needs_the_antiforgery_token_and_the_permission()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var id = await CreateAsync(cwA, CityFixture.CommunityA, NewIdNumber());
        var withoutToken = await cwA.PostAsync($"/residents/{id}?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Field"] = "idNumber", ["Reason"] = "测试",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);

        var admin = await city.App.ClientForAsync("admin");
        var adminPage = await TextAsync(await admin.GetAsync($"/residents/{id}"));
        Assert.DoesNotContain("handler=Reveal", adminPage);
        var token = await AntiforgeryTokenAsync(admin, "/residents");
        var forbidden = await admin.PostAsync($"/residents/{id}?handler=Reveal", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Field"] = "idNumber", ["Reason"] = "测试",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Search_by_id_number_is_a_post_and_lists_the_resident_masked()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber);
        var form = await client.GetAsync("/residents");
        var formHtml = await TextAsync(form);
        Assert.Contains("method=\"post\"", formHtml);

        var token = await AntiforgeryTokenAsync(client, "/residents");
        var response = await client.PostAsync("/residents", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["IdNumber"] = idNumber,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Contains($"href=\"/residents/{id}\"", html);
        Assert.Contains(Masking.IdNumber(idNumber), html);
        Assert.Contains("共 1 人", html);
        Assert.DoesNotContain(idNumber, html);
    }

    [Fact]
    public async Task Search_by_community_and_tag_pages_with_links()
    {
        var client = await city.App.ClientForAsync("district.heping");
        var response = await client.GetAsync("/residents?community=210102&tag=Elderly60");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await TextAsync(response);
        Assert.Matches(@">2101\*{14}<", html);
        Assert.Contains("/residents?community=210102&tag=Elderly60&p=2", html);
    }

    [Fact]
    public async Task The_household_page_lists_the_members_masked()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber);
        var household = (await client.GetFromJsonAsync<JsonElement>($"/api/residents/{id}")).GetProperty("household").GetProperty("id").GetInt64();

        var html = await TextAsync(await client.GetAsync($"/residents/households/{household}"));
        Assert.Contains($"href=\"/residents/{id}\"", html);
        Assert.Contains(Masking.IdNumber(idNumber), html);
        Assert.DoesNotContain(idNumber, html);
        Assert.Contains("测试路1号", html);
    }

    [Fact]
    public async Task A_seeded_resident_is_visibly_synthetic()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var first = (await client.GetFromJsonAsync<JsonElement>("/api/residents?pageSize=1")).GetProperty("items")[0];
        var resident = await client.GetFromJsonAsync<JsonElement>($"/api/residents/{first.GetProperty("id").GetInt64()}");
        Assert.True(resident.GetProperty("isSynthetic").GetBoolean());
        Assert.EndsWith("（样例）", resident.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Contains("样例", resident.GetProperty("household").GetProperty("address").GetString());
        var html = await TextAsync(await client.GetAsync($"/residents/{first.GetProperty("id").GetInt64()}"));
        Assert.Contains("样例数据", html);
    }
}
