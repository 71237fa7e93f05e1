using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Linli.Modules.Requests.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Open311;

/// <summary>
/// The Open311 POSTs read their form before the api_key in it can be checked, so they are open to anyone: whatever the
/// body, the answer is the spec's error list (400, 413 for a body too large), never a 500. And a client's retry under an
/// Idempotency-Key files one request.
/// </summary>
[Collection("city")]
public sealed class Open311PostRobustnessTests(CityFixture city)
{
    public static readonly TheoryData<string, string> Unreadable = new()
    {
        { "requests", "multipart with a boundary that does not match" },
        { "servicerequestupdates", "multipart with a boundary that does not match" },
        { "requests", "multipart cut short" },
        { "requests", "text/plain" },
        { "servicerequestupdates", "application/json" },
        { "requests", "too many fields" },
        { "servicerequestupdates", "a field name too long" },
        { "requests", "a file instead of media_url" },
        { "requests", "no body" },
    };

    private static HttpContent Body(string what)
    {
        switch (what)
        {
            case "multipart with a boundary that does not match":
            {
                var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--BBB\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\nx\r\n--BBB--\r\n"));
                content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=AAA");
                return content;
            }
            case "multipart cut short":
            {
                var content = new ByteArrayContent(Encoding.ASCII.GetBytes("--AAA\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n暖气"));
                content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=AAA");
                return content;
            }
            case "text/plain": return new StringContent("api_key=x&service_code=1", Encoding.UTF8, "text/plain");
            case "application/json": return new StringContent("{\"api_key\":\"x\"}", Encoding.UTF8, "application/json");
            case "too many fields":
                return new FormUrlEncodedContent(Enumerable.Range(0, 250).Select(i => new KeyValuePair<string, string>($"f{i}", "v")));
            case "a field name too long":
                return new FormUrlEncodedContent([new(new string('k', 300), "v")]);
            case "a file instead of media_url":
            {
                var content = new MultipartFormDataContent { { new StringContent("x"), "api_key" } };
                var file = new ByteArrayContent([0xFF, 0xD8, 0xFF]);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                content.Add(file, "media", "photo.jpg");
                return content;
            }
            default: return new ByteArrayContent([]);
        }
    }

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task An_unreadable_post_is_the_specs_400_without_a_key_check(string endpoint, string what)
    {
        var api = new Open311Api(city.App, "");
        foreach (var format in new[] { "xml", "json" })
        {
            var response = await api.Http.PostAsync($"{Open311Api.Root}/{endpoint}.{format}", Body(what));
            var description = await Open311Api.ErrorAsync(response, format, HttpStatusCode.BadRequest);
            Assert.DoesNotContain("Exception", description);
        }
    }

    [Fact]
    public async Task A_charset_that_does_not_exist_is_read_as_utf8_and_the_key_then_checked()
    {
        var api = new Open311Api(city.App, "");
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes("api_key=x&service_code=1"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=bogus");
        await Open311Api.ErrorAsync(await api.Http.PostAsync($"{Open311Api.Root}/requests.json", content), "json", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_error_list()
    {
        var api = new Open311Api(city.App, "");
        var big = new FormUrlEncodedContent([new("description", new string('x', 300 * 1024))]);
        await Open311Api.ErrorAsync(await api.Http.PostAsync($"{Open311Api.Root}/requests.json", big), "json", HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task<(Open311Api Api, int Category, (string, string)[] Fields)> FormAsync(string description)
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var category = await RequestsApi.NewLeafAsync(city.App);
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        return (api, category, api.Form(category, ("lat", grid.Latitude!.Value.ToString("R", CultureInfo.InvariantCulture)),
            ("long", grid.Longitude!.Value.ToString("R", CultureInfo.InvariantCulture)), ("description", description), ("email", "someone@example.cn")));
    }

    private static Task<HttpResponseMessage> PostAsync(Open311Api api, string format, IEnumerable<(string, string)> fields, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Open311Api.Root}/requests.{format}")
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))),
        };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return api.Http.SendAsync(request);
    }

    private Task<int> TicketsWithAsync(string description) => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().CountAsync(t => t.Description == description));

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_retry_under_the_same_idempotency_key_files_one_request_and_answers_the_first_answer(string format)
    {
        var description = "幂等重试-" + Guid.NewGuid().ToString("N")[..8];
        var (api, _, fields) = await FormAsync(description);
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(api, format, fields, key);
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        // The same request, its fields in another order, as a retrying client may build it.
        var again = await PostAsync(api, format, fields.Reverse(), key);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(first.Content.Headers.ContentType?.MediaType, again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(firstBody, await again.Content.ReadAsStringAsync());
        Assert.Equal(1, await TicketsWithAsync(description));

        // The same key with something else is the spec's error list with 422, and files nothing.
        await Open311Api.ErrorAsync(await PostAsync(api, format, [.. fields.Where(f => f.Item1 != "description"), ("description", description + "改")], key),
            format, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await TicketsWithAsync(description + "改"));
        // Another client's identical key is its own.
        var other = await Open311Api.WithNewKeyAsync(city.App, "另一客户端");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(other, format, [.. fields.Where(f => f.Item1 != "api_key"), ("api_key", other.Key)], key)).StatusCode);
        Assert.Equal(2, await TicketsWithAsync(description));
    }

    [Fact]
    public async Task Racing_retries_under_one_key_file_one_request()
    {
        var description = "并发重试-" + Guid.NewGuid().ToString("N")[..8];
        var (api, _, fields) = await FormAsync(description);
        var key = Guid.NewGuid().ToString();
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostAsync(api, "json", fields, key)));
        var numbers = new List<string>();
        foreach (var response in responses) numbers.Add((await Open311Api.Json(response, HttpStatusCode.Created))[0].GetProperty("service_request_id").GetString()!);
        Assert.Single(numbers.Distinct());
        Assert.Equal(1, await TicketsWithAsync(description));
    }
}
