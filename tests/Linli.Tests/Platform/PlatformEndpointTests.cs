using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

[Collection("city2")]
public sealed class PlatformEndpointTests(CityFixture city)
{
    [Fact]
    public async Task Health_reports_the_database_as_healthy()
    {
        var response = await city.App.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal(TestDatabase.IsPostgres ? "postgres" : "sqlite",
            body.GetProperty("checks").GetProperty("database").GetProperty("data").GetProperty("provider").GetString());
    }

    [Fact]
    public async Task The_openapi_document_lists_the_region_and_token_endpoints()
    {
        var document = await city.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/regions/{code}", out _));
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
    }

    [Fact]
    public async Task The_openapi_document_fetched_again_is_the_same_complete_json_document()
    {
        var client = city.App.CreateClient();
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.GetAsync("/openapi/v1.json")));
        var again = await client.GetAsync("/openapi/v1.json");
        var texts = new List<string>();
        foreach (var response in responses.Append(again))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            texts.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.All(texts, t => Assert.Equal(texts[0], t));
        using var document = JsonDocument.Parse(texts[^1]);
        var paths = document.RootElement.GetProperty("paths");
        // The kept copy has every path of a document generated afresh.
        var generated = await city.App.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync();
        Assert.True(generated.Paths.Count > 50);
        Assert.Equal(generated.Paths.Keys.Order(StringComparer.Ordinal), paths.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unknown_openapi_document_is_a_404_every_time()
    {
        var client = city.App.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v2.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v2.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_a_page()
    {
        var response = await city.App.CreateClient().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_without_a_stack_trace()
    {
        var client = city.App.CreateClient();
        var response = await client.PostAsync("/api/auth/token", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
