using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Modules.Regions.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Open311;

/// <summary>
/// What the public (no sign-in) GET requests show: only requests filed through Open311 by a submitter who gave contact
/// (not anonymous), their place coarsened (community name, lat/long to 3 decimals); everything else answers like an
/// unknown id. Also: control characters in a description do not break the XML, and absurd dates or pages are 400s.
/// </summary>
[Collection("city")]
public sealed class Open311PublicReadTests(CityFixture city)
{
    public static readonly TheoryData<string> Formats = ["xml", "json"];

    private static string Inv(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A point in community A that has more than 3 decimals, so rounding shows.</summary>
    private async Task<(double Lon, double Lat)> PrecisePointAsync()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        return (grid.Longitude!.Value + 0.000137, grid.Latitude!.Value + 0.000113);
    }

    private async Task<string> CommunityANameAsync() =>
        (await city.App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().FindAsync(CityFixture.CommunityA)))!.Name;

    /// <summary>GET requests (list) as field dictionaries, whatever the format.</summary>
    private static async Task<List<Dictionary<string, string>>> ListAsync(Open311Api api, string format, string query)
    {
        var response = await api.GetAsync($"/requests.{format}?{query}");
        if (format == "xml")
            return (await Open311Api.Xml(response, HttpStatusCode.OK)).Elements("request")
                .Select(r => r.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)).ToList();
        return (await Open311Api.Json(response, HttpStatusCode.OK)).EnumerateArray()
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ToString())).ToList();
    }

    private static async Task<Dictionary<string, string>> OneAsync(Open311Api api, string format, string number)
    {
        var response = await api.GetAsync($"/requests/{number}.{format}");
        if (format == "xml")
            return Assert.Single((await Open311Api.Xml(response, HttpStatusCode.OK)).Elements("request")).Elements().ToDictionary(e => e.Name.LocalName, e => e.Value);
        return Assert.Single((await Open311Api.Json(response, HttpStatusCode.OK)).EnumerateArray().ToList()).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ToString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_hotline_ticket_is_not_public_and_answers_like_an_unknown_id(string format)
    {
        var api = new Open311Api(city.App, "");
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var filed = (await (await hotline.PostAsJsonAsync("/api/requests/tickets", new
        {
            description = "来电人反映家中漏水，住和平区某路8号2单元301", categoryId = leaf, urgency = "Normal", communityCode = CityFixture.CommunityA,
            address = "和平区某路8号2单元301", contactPhone = "13812345678",
        })).Json(HttpStatusCode.Created)).GetProperty("ticket");
        var number = filed.GetProperty("number").GetString()!;
        Assert.Equal("Hotline", filed.GetProperty("channel").GetString());

        Assert.Empty(await ListAsync(api, format, $"service_code={leaf}"));
        Assert.Empty(await ListAsync(api, format, $"service_request_id={number}"));
        var today = DateTime.UtcNow;
        Assert.DoesNotContain(await ListAsync(api, format,
                $"start_date={today.AddDays(-1):yyyy-MM-dd'T'HH:mm:ss'Z'}&end_date={today.AddDays(1):yyyy-MM-dd'T'HH:mm:ss'Z'}&page_size=500"),
            r => r["service_request_id"] == number);

        // Exactly like an unknown id: same status, same kind of description.
        var hidden = await Open311Api.ErrorAsync(await api.GetAsync($"/requests/{number}.{format}"), format, HttpStatusCode.NotFound);
        var unknown = await Open311Api.ErrorAsync(await api.GetAsync($"/requests/19990101000001.{format}"), format, HttpStatusCode.NotFound);
        Assert.Equal(unknown.Replace("19990101000001", number), hidden);
        Assert.DoesNotContain("漏水", hidden);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_anonymous_open311_request_is_not_public(string format)
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var (lon, lat) = await PrecisePointAsync();
        var posted = await Open311Api.Json(await api.PostAsync("json", api.Form(leaf, ("lat", Inv(lat)), ("long", Inv(lon)), ("description", "匿名：楼道堆物"))),
            HttpStatusCode.Created);
        var number = posted[0].GetProperty("service_request_id").GetString()!;

        Assert.Empty(await ListAsync(api, format, $"service_code={leaf}"));
        Assert.Empty(await ListAsync(api, format, $"service_request_id={number}"));
        await Open311Api.ErrorAsync(await api.GetAsync($"/requests/{number}.{format}"), format, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task An_open311_request_shows_its_description_but_only_the_community_and_rounded_coordinates(string format)
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var (lon, lat) = await PrecisePointAsync();
        var posted = await Open311Api.Json(await api.PostAsync("json", api.Form(leaf, ("lat", Inv(lat)), ("long", Inv(lon)),
            ("address_string", "和平区某小区3号楼2单元501"), ("description", "路灯不亮"), ("email", "someone@example.cn"))), HttpStatusCode.Created);
        var number = posted[0].GetProperty("service_request_id").GetString()!;
        var community = await CommunityANameAsync();
        var (roundLat, roundLon) = (Math.Round(lat, 3), Math.Round(lon, 3));
        Assert.NotEqual(lat, roundLat);
        Assert.NotEqual(lon, roundLon);

        foreach (var fields in new[] { await OneAsync(api, format, number), Assert.Single(await ListAsync(api, format, $"service_code={leaf}")) })
        {
            Assert.Equal(number, fields["service_request_id"]);
            Assert.Equal("路灯不亮", fields["description"]);
            Assert.Equal(community, fields["address"]);
            Assert.Equal(roundLat, double.Parse(fields["lat"], CultureInfo.InvariantCulture));
            Assert.Equal(roundLon, double.Parse(fields["long"], CultureInfo.InvariantCulture));
            Assert.DoesNotContain(fields.Values, v => v.Contains("3号楼") || v.Contains("someone@"));
        }
    }

    [Fact]
    public async Task Characters_xml_cannot_hold_do_not_break_it_and_control_characters_are_refused()
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var (lon, lat) = await PrecisePointAsync();
        // C0 control characters are refused at the edge (naming the field); U+FFFE is text XML 1.0 cannot hold.
        var refused = await Open311Api.ErrorAsync(await api.PostAsync("json", api.Form(leaf, ("lat", Inv(lat)), ("long", Inv(lon)),
            ("description", "暖气\u0001不热\u0008了"), ("email", "someone@example.cn"))), "json", HttpStatusCode.BadRequest);
        Assert.Contains("description", refused);
        var posted = await Open311Api.Json(await api.PostAsync("json", api.Form(leaf, ("lat", Inv(lat)), ("long", Inv(lon)),
            ("description", "暖气不热了😀\uFFFE"), ("email", "someone@example.cn"))), HttpStatusCode.Created);
        var number = posted[0].GetProperty("service_request_id").GetString()!;

        var one = await api.GetAsync($"/requests/{number}.xml");
        var body = await one.Content.ReadAsStringAsync();
        Assert.True(one.StatusCode == HttpStatusCode.OK, body);
        var request = Assert.Single(XDocument.Parse(body).Root!.Elements("request"));
        Assert.Equal("暖气不热了😀", request.Element("description")!.Value);

        // The list window that holds it, too.
        var list = await Open311Api.Xml(await api.GetAsync($"/requests.xml?service_code={leaf}"), HttpStatusCode.OK);
        Assert.Equal("暖气不热了😀", Assert.Single(list.Elements("request")).Element("description")!.Value);
        // JSON escapes them and keeps the text as stored.
        var json = await Open311Api.Json(await api.GetAsync($"/requests/{number}.json"), HttpStatusCode.OK);
        Assert.Equal("暖气不热了😀\uFFFE", json[0].GetProperty("description").GetString());
    }

    public static readonly TheoryData<string, string> Absurd = new()
    {
        { "xml", "start_date=0001-01-01T00:00:00Z" }, { "json", "start_date=0001-01-01T00:00:00Z" },
        { "xml", "end_date=9999-12-31T00:00:00Z" }, { "json", "end_date=9999-12-31T00:00:00Z" },
        { "xml", "start_date=9999-12-31T00:00:00Z" }, { "json", "start_date=9999-12-31T00:00:00Z" },
        { "xml", "end_date=0001-01-01T00:00:00Z" }, { "json", "end_date=0001-01-01T00:00:00Z" },
        { "xml", "start_date=1999-12-01T00:00:00Z&end_date=2000-01-15T00:00:00Z" },
        { "json", "start_date=2100-12-01T00:00:00Z&end_date=2101-01-15T00:00:00Z" },
        { "json", "start_date=0001-01-01" }, { "xml", "end_date=9999-12-31T23:59:59" },
        { "xml", "page=2147483647" }, { "json", "page=2147483647" },
        { "xml", "page=1000001" }, { "json", "page=1000001&page_size=500" },
    };

    [Theory]
    [MemberData(nameof(Absurd))]
    public async Task Dates_outside_2000_to_2100_and_absurd_pages_are_the_specs_400(string format, string query)
    {
        var api = new Open311Api(city.App, "");
        await Open311Api.ErrorAsync(await api.GetAsync($"/requests.{format}?{query}"), format, HttpStatusCode.BadRequest);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task The_last_allowed_page_is_an_empty_list(string format)
    {
        var api = new Open311Api(city.App, "");
        Assert.Empty(await ListAsync(api, format, "page=1000000&page_size=500"));
        Assert.Empty(await ListAsync(api, format, "start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z"));
    }
}
