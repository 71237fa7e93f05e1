using System.Globalization;
using System.Net;
using System.Text.Json;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Open311;

/// <summary>
/// GeoReport v2 as a reporting site's client uses it once there is volume: a list without paging is the spec's default
/// (the last 90 days or the first 1,000), an id list answers every id, dates compare at the precision shown, discovery's
/// URL takes appended paths.
/// </summary>
[Collection("city2")]
public sealed class Open311VolumeTests(CityFixture city)
{
    private static string W3c(DateTime utc) => Uri.EscapeDataString(new DateTimeOffset(utc).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    /// <summary>Public Open311 tickets (not anonymous) of a fresh leaf, written straight to the table as a busy year would leave them.</summary>
    private async Task<(int Category, List<(string Number, DateTime CreatedAt)> Tickets)> PublicTicketsAsync(int count, Func<int, DateTime> createdAt)
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var tag = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
        var made = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var rule = await db.RoutingRules.Where(r => r.CategoryId == category && r.IsCurrent).Select(r => r.Id).SingleAsync();
            var tickets = Enumerable.Range(0, count).Select(i => new Ticket
            {
                Number = $"77{tag}{i:D6}", Channel = Channel.Open311, CategoryId = category, RoutingRuleId = rule, Urgency = Urgency.Normal,
                Description = $"批量 {i}", CommunityCode = CityFixture.CommunityA, CreatedAt = createdAt(i), UpdatedAt = createdAt(i), CreatedBy = "open311:测试",
            }).ToList();
            db.Tickets.AddRange(tickets);
            await db.SaveChangesAsync();
            return tickets.Select(t => (t.Number, t.CreatedAt)).ToList();
        });
        return (category, made);
    }

    private static async Task<List<Dictionary<string, string>>> ListAsync(Open311Api api, string format, string query)
    {
        var response = await api.GetAsync($"/requests.{format}?{query}");
        if (format == "xml")
            return (await Open311Api.Xml(response, HttpStatusCode.OK)).Elements("request")
                .Select(r => r.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)).ToList();
        return (await Open311Api.Json(response, HttpStatusCode.OK)).EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ToString())).ToList();
    }

    [Fact]
    public async Task Without_paging_the_list_is_the_first_1000_requests_of_the_last_90_days_newest_first()
    {
        var api = new Open311Api(city.App, "");
        var now = DateTime.UtcNow;
        await PublicTicketsAsync(1100, i => now.AddSeconds(-3 * i - 1));

        var listed = await ListAsync(api, "json", "");
        // What the spec's default is, asked of the table itself.
        var expected = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters()
            .Where(t => t.Channel == Channel.Open311 && !t.IsAnonymous && t.CreatedAt >= DateTime.UtcNow.AddDays(-90))
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(t => t.Number).Take(1000).ToListAsync());
        Assert.Equal(1000, listed.Count);
        Assert.Equal(expected, listed.Select(r => r["service_request_id"]));

        // The rest is on the next page of the same size.
        var second = await ListAsync(api, "xml", "page=2");
        Assert.NotEmpty(second);
        Assert.Empty(second.Select(r => r["service_request_id"]).Intersect(listed.Select(r => r["service_request_id"])));
    }

    [Fact]
    public async Task Older_than_90_days_is_outside_the_default_window_but_inside_an_explicit_one()
    {
        var api = new Open311Api(city.App, "");
        var now = DateTime.UtcNow;
        var (category, tickets) = await PublicTicketsAsync(1, _ => now.AddDays(-91));
        Assert.Empty(await ListAsync(api, "json", $"service_code={category}"));
        var found = await ListAsync(api, "json", $"service_code={category}&start_date={W3c(now.AddDays(-95))}");
        Assert.Equal(tickets[0].Number, Assert.Single(found)["service_request_id"]);
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task An_id_list_answers_every_id_asked_for_and_found_and_overrides_every_other_argument(string format)
    {
        var api = new Open311Api(city.App, "");
        var now = DateTime.UtcNow;
        var (_, tickets) = await PublicTicketsAsync(400, i => now.AddDays(-200).AddMinutes(i)); // far outside any default window
        var hotline = (await (await city.App.ClientForAsync("hotline")).FileAsync(await RequestsApi.NewLeafAsync(city.App))).GetProperty("number").GetString()!;
        var asked = tickets.Select(t => t.Number).Concat(["19990101000001", hotline, "not-a-number"]).ToList();

        var listed = await ListAsync(api, format, $"service_request_id={string.Join("%2C", asked)}&status=closed&service_code=1&page=3&page_size=10");

        Assert.Equal(400, listed.Count);
        Assert.Equal(tickets.Select(t => t.Number).Order(), listed.Select(r => r["service_request_id"]).Order());
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_request_whose_shown_time_equals_end_date_is_inside_it(string format)
    {
        var api = new Open311Api(city.App, "");
        // Intake keeps sub-second times; the API shows whole seconds.
        var at = new DateTime(2026, 11, 20, 1, 2, 3, DateTimeKind.Utc).AddMilliseconds(700);
        var (category, tickets) = await PublicTicketsAsync(1, _ => at);
        var shown = Assert.Single(await ListAsync(api, format, $"service_request_id={tickets[0].Number}"))["requested_datetime"];
        Assert.Equal("2026-11-20T09:02:03+08:00", shown);
        var exactly = Uri.EscapeDataString(shown);

        Assert.Single(await ListAsync(api, format, $"service_code={category}&start_date=2026-11-01T00:00:00Z&end_date={exactly}"));
        Assert.Single(await ListAsync(api, format, $"service_code={category}&start_date={exactly}&end_date=2026-11-30T00:00:00Z"));
        Assert.Single(await ListAsync(api, format, $"service_code={category}&start_date={exactly}&end_date={exactly}"));
        Assert.Empty(await ListAsync(api, format, $"service_code={category}&start_date=2026-11-01T00:00:00Z&end_date=2026-11-20T09:02:02%2B08:00"));
        Assert.Empty(await ListAsync(api, format, $"service_code={category}&start_date=2026-11-20T09:02:04%2B08:00&end_date=2026-11-30T00:00:00Z"));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Discovery_gives_the_base_url_clients_append_paths_to(string format)
    {
        var api = new Open311Api(city.App, "");
        var response = await api.GetAsync($"/discovery.{format}");
        List<string> urls;
        if (format == "xml")
        {
            var xml = await Open311Api.Xml(response, HttpStatusCode.OK);
            urls = xml.Element("endpoints")!.Elements("endpoint").Select(e => e.Element("url")!.Value).ToList();
            Assert.Equal(["http://wiki.open311.org/GeoReport_v2", "https://github.com/mysociety/FixMyStreet/wiki/Open311-FMS---Proposed-differences-to-Open311"],
                xml.Element("endpoints")!.Elements("endpoint").Select(e => e.Element("specification")!.Value));
            Assert.Equal("Idempotency-Key", xml.Element("idempotency_key_header")!.Value);
        }
        else
        {
            var json = await Open311Api.Json(response, HttpStatusCode.OK);
            urls = json.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("url").GetString()!).ToList();
            Assert.True(json.GetProperty("max_url_length").GetInt32() > 8000);
            Assert.True(json.GetProperty("max_service_request_ids").GetInt32() > 400);
        }
        foreach (var url in urls)
        {
            Assert.EndsWith("/open311/v2/", url);
            // What a client does with it: append the path of the call.
            var services = await api.Http.GetAsync(url + $"services.{format}");
            Assert.Equal(HttpStatusCode.OK, services.StatusCode);
            var relative = await api.Http.GetAsync(new Uri(new Uri(url), $"requests.{format}?page_size=1"));
            Assert.Equal(HttpStatusCode.OK, relative.StatusCode);
        }
    }
}
