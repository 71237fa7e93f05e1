using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;

namespace Linli.Tests.Platform;

/// <summary>Absurd input is a 400 or an empty page, never a 500.</summary>
[Collection("city2")]
public sealed class InputRobustnessTests(CityFixture city)
{
    [Theory]
    [InlineData("/api/regions?q=社区&page=2147483647")]
    [InlineData("/api/residents?communityCode=210102&page=2147483647")]
    [InlineData("/api/audit?page=2147483647")]
    public async Task A_page_number_far_past_the_end_is_an_empty_page(string url)
    {
        var client = await city.App.ClientForAsync("supervisor");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("/api/requests/metrics?to=0001-01-01")]
    [InlineData("/api/requests/metrics?from=9999-12-31&to=9999-12-31")]
    public async Task Dates_outside_any_plausible_window_are_a_400(string url)
    {
        var client = await city.App.ClientForAsync("supervisor");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_enum_given_as_an_undefined_number_is_a_400_not_stored()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var response = await hotline.PostAsJsonAsync("/api/requests/tickets",
            new { description = "路灯不亮", categoryId = category, communityCode = CityFixture.CommunityA, urgency = 99 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Parsed, not searched: the trace id is random and may hold "99" itself.
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal(["Urgency"], errors.EnumerateObject().Select(e => e.Name));
        Assert.All(errors.GetProperty("Urgency").EnumerateArray(), message => Assert.DoesNotContain("99", message.GetString()));
        Assert.False(problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains("99", StringComparison.Ordinal));
        var stored = await (await hotline.GetAsync($"/api/requests/tickets?categoryId={category}")).Json(HttpStatusCode.OK);
        Assert.Equal(0, stored.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/\\evil.example")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/requests\u0085")]
    [InlineData("/\r\n/evil.example")]
    public async Task The_language_switch_never_redirects_off_site(string returnUrl)
    {
        var client = city.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetStringAsync("/account/login");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/preferences/culture", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["culture"] = "en", ["returnUrl"] = returnUrl, ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
