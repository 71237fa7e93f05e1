using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Seeding;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Open311;

/// <summary>
/// GeoReport v2 (https://wiki.open311.org/GeoReport_v2), endpoint by endpoint, in both formats, with every error case:
/// discovery, services, service definitions, POST requests, GET requests, GET requests/{id}, tokens.
/// </summary>
[Collection("city")]
public sealed class Open311ConformanceTests(CityFixture city)
{
    public static readonly TheoryData<string> Formats = ["xml", "json"];

    private Task<int> LeafAsync(string seedKey) => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Categories.Where(c => c.SeedKey == seedKey).Select(c => c.Id).SingleAsync());

    private Task<int> HeatingAsync() => LeafAsync(EnsureOpen311Examples.HeatingKey);
    private Task<int> NoiseAsync() => LeafAsync(EnsureOpen311Examples.NoiseKey);

    private async Task<(double Lon, double Lat)> PointInCommunityAAsync()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        return (grid.Longitude!.Value, grid.Latitude!.Value);
    }

    private static string Inv(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    // ---- discovery ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Discovery_names_the_endpoint_the_specification_and_both_formats()
    {
        var api = new Open311Api(city.App, "");
        var xml = await Open311Api.Xml(await api.GetAsync("/discovery.xml"), HttpStatusCode.OK);
        Assert.Equal("discovery", xml.Name.LocalName);
        var endpoint = xml.Element("endpoints")!.Element("endpoint")!;
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.EndsWith("/open311/v2/", endpoint.Element("url")!.Value);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", xml.Element("changeset")!.Value);

        var json = await Open311Api.Json(await api.GetAsync("/discovery.json"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Object, json.ValueKind);
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", json.GetProperty("endpoints")[0].GetProperty("specification").GetString());
        Assert.Equal(2, json.GetProperty("endpoints")[0].GetProperty("formats").GetArrayLength());
        Assert.True(json.TryGetProperty("contact", out _) && json.TryGetProperty("key_service", out _));
    }

    // ---- services -------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Services_are_the_live_leaf_categories_grouped_by_first_level_class_in_both_formats()
    {
        var api = new Open311Api(city.App, "");
        var retired = await RequestsApi.NewLeafAsync(city.App);
        var admin = await city.App.ClientForAsync("admin");
        await (await admin.PatchAsJsonAsync($"/api/requests/categories/{retired}", new { retired = true })).Json(HttpStatusCode.OK);
        var live = await RequestsApi.NewLeafAsync(city.App);
        var heating = await HeatingAsync();

        var xml = await Open311Api.Xml(await api.GetAsync("/services.xml"), HttpStatusCode.OK);
        Assert.Equal("services", xml.Name.LocalName);
        var services = xml.Elements("service").ToList();
        Assert.True(services.Count >= 517);
        Assert.All(services, s => Assert.Equal(
            ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"], s.Elements().Select(e => e.Name.LocalName)));
        Assert.All(services, s => Assert.Equal("realtime", s.Element("type")!.Value));
        var heatingXml = services.Single(s => s.Element("service_code")!.Value == heating.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("true", heatingXml.Element("metadata")!.Value);
        Assert.Equal("城乡建设", heatingXml.Element("group")!.Value);
        Assert.Equal("冬季采暖", heatingXml.Element("service_name")!.Value);
        Assert.DoesNotContain(services, s => s.Element("service_code")!.Value == retired.ToString(CultureInfo.InvariantCulture));
        Assert.Contains(services, s => s.Element("service_code")!.Value == live.ToString(CultureInfo.InvariantCulture) && s.Element("metadata")!.Value == "false");

        var json = await Open311Api.Json(await api.GetAsync("/services.json"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.Equal(services.Count, json.GetArrayLength());
        var first = json[0];
        Assert.Equal(JsonValueKind.String, first.GetProperty("service_code").ValueKind);
        Assert.Contains(first.GetProperty("metadata").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(15, json.EnumerateArray().Select(s => s.GetProperty("group").GetString()).Where(g => !g!.StartsWith("测试", StringComparison.Ordinal)).Distinct().Count());

        var page = await Open311Api.Json(await api.GetAsync("/services.json?page=2&page_size=10"), HttpStatusCode.OK);
        Assert.Equal(10, page.GetArrayLength());
        Assert.Equal(json[10].GetProperty("service_code").GetString(), page[0].GetProperty("service_code").GetString());
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_service_definition_lists_its_attributes_with_the_six_datatypes(string format)
    {
        var api = new Open311Api(city.App, "");
        var heating = await HeatingAsync();
        var noise = await NoiseAsync();
        var datatypes = new List<string>();
        if (format == "xml")
        {
            var xml = await Open311Api.Xml(await api.GetAsync($"/services/{heating}.xml"), HttpStatusCode.OK);
            Assert.Equal("service_definition", xml.Name.LocalName);
            Assert.Equal(heating.ToString(CultureInfo.InvariantCulture), xml.Element("service_code")!.Value);
            var attributes = xml.Element("attributes")!.Elements("attribute").ToList();
            Assert.Equal(["problem", "room_temperature", "since", "unit"], attributes.Select(a => a.Element("code")!.Value));
            var problem = attributes[0];
            Assert.Equal("true", problem.Element("required")!.Value);
            Assert.Equal("true", problem.Element("variable")!.Value);
            Assert.Equal("1", problem.Element("order")!.Value);
            Assert.Equal(["not_warm", "no_heat", "leak"], problem.Element("values")!.Elements("value").Select(v => v.Element("key")!.Value));
            Assert.All(problem.Element("values")!.Elements("value"), v => Assert.False(string.IsNullOrEmpty(v.Element("name")!.Value)));
            datatypes.AddRange(attributes.Select(a => a.Element("datatype")!.Value));
            var noiseXml = await Open311Api.Xml(await api.GetAsync($"/services/{noise}.xml"), HttpStatusCode.OK);
            datatypes.AddRange(noiseXml.Element("attributes")!.Elements("attribute").Select(a => a.Element("datatype")!.Value));
        }
        else
        {
            var json = await Open311Api.Json(await api.GetAsync($"/services/{noise}.json"), HttpStatusCode.OK);
            Assert.Equal(noise.ToString(CultureInfo.InvariantCulture), json.GetProperty("service_code").GetString());
            var attributes = json.GetProperty("attributes").EnumerateArray().ToList();
            Assert.Equal(["source", "periods", "details"], attributes.Select(a => a.GetProperty("code").GetString()));
            Assert.True(attributes[0].GetProperty("required").GetBoolean());
            Assert.False(attributes[1].GetProperty("required").GetBoolean());
            Assert.Equal(4, attributes[1].GetProperty("values").GetArrayLength());
            Assert.Equal(1, attributes[0].GetProperty("order").GetInt32());
            datatypes.AddRange(attributes.Select(a => a.GetProperty("datatype").GetString()!));
            var heatingJson = await Open311Api.Json(await api.GetAsync($"/services/{heating}.json"), HttpStatusCode.OK);
            datatypes.AddRange(heatingJson.GetProperty("attributes").EnumerateArray().Select(a => a.GetProperty("datatype").GetString()!));
        }
        Assert.Equal(["datetime", "multivaluelist", "number", "singlevaluelist", "string", "text"], datatypes.Distinct().Order());

        // A service without metadata has an empty definition; an unknown one is a 404.
        var plain = await RequestsApi.NewLeafAsync(city.App);
        var empty = await api.GetAsync($"/services/{plain}.{format}");
        if (format == "xml") Assert.Empty((await Open311Api.Xml(empty, HttpStatusCode.OK)).Element("attributes")!.Elements());
        else Assert.Equal(0, (await Open311Api.Json(empty, HttpStatusCode.OK)).GetProperty("attributes").GetArrayLength());
        await Open311Api.ErrorAsync(await api.GetAsync($"/services/999999.{format}"), format, HttpStatusCode.NotFound);
        await Open311Api.ErrorAsync(await api.GetAsync($"/services/abc.{format}"), format, HttpStatusCode.NotFound);
    }

    // ---- POST requests -----------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Posting_a_request_files_a_ticket_through_intake_and_answers_its_number_and_the_notice_but_no_token(string format)
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var heating = await HeatingAsync();
        var (lon, lat) = await PointInCommunityAAsync();
        var response = await api.PostAsync(format, api.Form(heating,
            ("lat", Inv(lat)), ("long", Inv(lon)), ("address_string", "和平区某小区3号楼"), ("description", "暖气不热，<b>室温</b>只有15度"),
            ("email", "resident@example.cn"), ("first_name", "张"), ("last_name", "三"), ("phone", "138 0000 1111"), ("device_id", "device-1"),
            ("account_id", "acct-42"), ("media_url", "https://example.cn/photo.jpg"),
            ("attribute[problem]", "not_warm"), ("attribute[room_temperature]", "15.5"), ("attribute[since]", "2026-11-20T08:00:00+08:00"), ("attribute[unit]", "3-2-501")));
        string number, notice, account;
        // The spec: a token "should not" be returned when the service_request_id is.
        if (format == "xml")
        {
            var xml = await Open311Api.Xml(response, HttpStatusCode.Created);
            Assert.Equal("service_requests", xml.Name.LocalName);
            var request = Assert.Single(xml.Elements("request"));
            Assert.Null(request.Element("token"));
            (number, notice, account) = (request.Element("service_request_id")!.Value, request.Element("service_notice")!.Value, request.Element("account_id")!.Value);
        }
        else
        {
            var json = await Open311Api.Json(response, HttpStatusCode.Created);
            var request = Assert.Single(json.EnumerateArray().ToList());
            Assert.Equal(JsonValueKind.String, request.GetProperty("service_request_id").ValueKind);
            Assert.False(request.TryGetProperty("token", out _));
            (number, notice, account) = (request.GetProperty("service_request_id").GetString()!, request.GetProperty("service_notice").GetString()!,
                request.GetProperty("account_id").GetString()!);
        }
        Assert.Matches(@"^\d{14}$", number);
        Assert.Equal("acct-42", account);
        Assert.Contains("工作日", notice);

        // The same intake as every channel: a ticket with channel Open311, placed by the point, phone protected, contact encrypted.
        var (ticket, submission) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var t = await db.Tickets.Include(x => x.Actions).SingleAsync(x => x.Number == number);
            return (t, await db.Open311Submissions.SingleAsync(s => s.TicketId == t.Id));
        });
        Assert.Equal(Channel.Open311, ticket.Channel);
        Assert.Equal(CityFixture.CommunityA, ticket.CommunityCode);
        Assert.Equal(heating, ticket.CategoryId);
        Assert.Equal("暖气不热，<b>室温</b>只有15度", ticket.Description);
        Assert.Equal(TicketState.Received, ticket.State);
        Assert.Equal("138****1111", ticket.PhoneMasked);
        Assert.NotNull(ticket.PhoneCipher);
        Assert.Single(ticket.Actions);
        var token = submission.Token.ToString("N");
        Assert.NotNull(submission.ContactCipher);
        Assert.DoesNotContain("resident@example.cn", System.Text.Encoding.UTF8.GetString(submission.ContactCipher!));
        Assert.Contains("\"problem\":\"not_warm\"", submission.AttributesJson);
        Assert.Equal("https://example.cn/photo.jpg", submission.MediaUrl);

        // A token kept for the request still leads to its number.
        var byToken = await api.GetAsync($"/tokens/{token}.{format}");
        if (format == "xml")
        {
            var request = (await Open311Api.Xml(byToken, HttpStatusCode.OK)).Element("request")!;
            Assert.Equal(number, request.Element("service_request_id")!.Value);
            Assert.Equal(token, request.Element("token")!.Value);
        }
        else Assert.Equal(number, (await Open311Api.Json(byToken, HttpStatusCode.OK))[0].GetProperty("service_request_id").GetString());
        await Open311Api.ErrorAsync(await api.GetAsync($"/tokens/{Guid.NewGuid():N}.{format}"), format, HttpStatusCode.NotFound);
        await Open311Api.ErrorAsync(await api.GetAsync($"/tokens/not-a-token.{format}"), format, HttpStatusCode.NotFound);

        // Publicly readable without a key, without personal data.
        var single = await api.Http.GetAsync($"{Open311Api.Root}/requests/{number}.{format}");
        var body = await single.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        var fields = format == "xml"
            ? XElement.Parse(body).Element("request")!.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)
            : JsonDocument.Parse(body).RootElement[0].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ToString());
        // In the parsed text fields, not the whole body: ids, codes and times may hold "1111" by chance.
        foreach (var secret in new[] { "resident@example.cn", "1111", "acct-42", "device-1", "张" })
            Assert.DoesNotContain(fields, f => f.Key is "description" or "address" or "status_notes" or "service_notice" or "media_url" or "agency_responsible"
                                               && f.Value.Contains(secret, StringComparison.Ordinal));
        Assert.Equal(["service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice",
            "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url"], fields.Keys);
        Assert.Equal("open", fields["status"]);
        Assert.Equal("冬季采暖", fields["service_name"]);
        Assert.Equal("市供热管理办公室", fields["agency_responsible"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", fields["requested_datetime"]);
        Assert.Matches(@"T17:30:00\+08:00$", fields["expected_datetime"]);
        Assert.Equal(Math.Round(lat, 3), double.Parse(fields["lat"], CultureInfo.InvariantCulture)); // about 100 m, not the door
        Assert.Equal(Math.Round(lon, 3), double.Parse(fields["long"], CultureInfo.InvariantCulture));
        Assert.DoesNotContain("3号楼", fields["address"]);
        Assert.Equal("https://example.cn/photo.jpg", fields["media_url"]);
    }

    [Fact]
    public async Task A_multivaluelist_takes_repeated_keys_and_a_place_can_be_a_region_code_or_a_named_community()
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var noise = await NoiseAsync();
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0].Code;
        var json = await Open311Api.Json(await api.PostAsync("json", api.Form(noise, ("address_id", grid), ("attribute[source]", "construction"),
            ("attribute[periods][]", "night"), ("attribute[periods][]", "morning"), ("attribute[details]", "每晚施工"))), HttpStatusCode.Created);
        var number = json[0].GetProperty("service_request_id").GetString();
        var ticket = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets.SingleAsync(t => t.Number == number));
        Assert.Equal(grid, ticket.GridCode);
        Assert.Equal("噪音污染", ticket.Description); // no description: the service's name
        var answers = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Open311Submissions
            .Where(s => s.TicketId == ticket.Id).Select(s => s.AttributesJson).SingleAsync());
        Assert.Contains("\"periods\":[\"night\",\"morning\"]", answers);
        // No phone, no e-mail, no name: anonymous; the notice names the community handling it when the rule says so.
        Assert.True(ticket.IsAnonymous);

        var community = await RequestsApi.NewLeafAsync(city.App);
        var named = await Open311Api.Json(await api.PostAsync("json", api.Form(community, ("address_string", "水源地社区12号楼门前"), ("description", "路灯不亮"))),
            HttpStatusCode.Created);
        var placed = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets
            .SingleAsync(t => t.Number == named[0].GetProperty("service_request_id").GetString()));
        Assert.Equal(CityFixture.CommunityA, placed.CommunityCode);
        Assert.Contains("水源地社区", named[0].GetProperty("service_notice").GetString());
    }

    public static readonly TheoryData<string, string, string[], HttpStatusCode> PostErrors = new()
    {
        { "xml", "no key", ["-api_key"], HttpStatusCode.Forbidden },
        { "json", "no key", ["-api_key"], HttpStatusCode.Forbidden },
        { "xml", "bad key", ["api_key=wrong"], HttpStatusCode.Forbidden },
        { "json", "bad key", ["api_key=wrong"], HttpStatusCode.Forbidden },
        { "xml", "no service_code", ["-service_code"], HttpStatusCode.BadRequest },
        { "json", "no service_code", ["-service_code"], HttpStatusCode.BadRequest },
        { "xml", "unknown service", ["service_code=999999"], HttpStatusCode.NotFound },
        { "json", "unknown service", ["service_code=abc"], HttpStatusCode.NotFound },
        { "xml", "point outside the city", ["lat=39.9", "long=116.4"], HttpStatusCode.BadRequest },
        { "json", "point outside the city", ["lat=39.9", "long=116.4"], HttpStatusCode.BadRequest },
        { "xml", "lat without long", ["-long"], HttpStatusCode.BadRequest },
        { "json", "lat not a number", ["lat=north"], HttpStatusCode.BadRequest },
        { "json", "lat out of range", ["lat=123"], HttpStatusCode.BadRequest },
        { "xml", "no location", ["-lat", "-long"], HttpStatusCode.BadRequest },
        { "json", "unknown address_string", ["-lat", "-long", "address_string=月球基地"], HttpStatusCode.BadRequest },
        { "xml", "bad address_id", ["-lat", "-long", "address_id=12345"], HttpStatusCode.BadRequest },
        { "json", "unknown community address_id", ["-lat", "-long", "address_id=210102999999"], HttpStatusCode.BadRequest },
        { "xml", "required attribute missing", ["-attribute[problem]"], HttpStatusCode.BadRequest },
        { "json", "required attribute missing", ["-attribute[problem]"], HttpStatusCode.BadRequest },
        { "xml", "number attribute not a number", ["attribute[room_temperature]=warm"], HttpStatusCode.BadRequest },
        { "json", "datetime attribute not a date", ["attribute[since]=yesterday"], HttpStatusCode.BadRequest },
        { "xml", "list key not among the values", ["attribute[problem]=cold"], HttpStatusCode.BadRequest },
        { "json", "two values for a single list", ["attribute[problem][]=leak"], HttpStatusCode.BadRequest },
        { "xml", "unknown attribute", ["attribute[colour]=red"], HttpStatusCode.BadRequest },
        { "json", "string attribute too long", ["attribute[unit]=" + new string('x', 1001)], HttpStatusCode.BadRequest },
        { "xml", "bad email", ["email=not-an-email"], HttpStatusCode.BadRequest },
        { "json", "bad phone", ["phone=call me"], HttpStatusCode.BadRequest },
        { "xml", "bad media_url", ["media_url=ftp://example.cn/x.jpg"], HttpStatusCode.BadRequest },
        { "json", "description too long", ["description=" + new string('水', 4001)], HttpStatusCode.BadRequest },
        { "xml", "device_id too long", ["device_id=" + new string('d', 101)], HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(PostErrors))]
    public async Task A_bad_post_is_the_specs_error_list_in_the_urls_format(string format, string why, string[] changes, HttpStatusCode expected)
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var (lon, lat) = await PointInCommunityAAsync();
        var form = api.Form(await HeatingAsync(), ("lat", Inv(lat)), ("long", Inv(lon)), ("description", "暖气不热"), ("attribute[problem]", "not_warm")).ToList();
        foreach (var change in changes)
        {
            if (change.StartsWith('-')) form.RemoveAll(f => f.Item1 == change[1..]);
            else
            {
                var (key, value) = (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
                if (!key.EndsWith("[]", StringComparison.Ordinal)) form.RemoveAll(f => f.Item1 == key);
                form.Add((key, value));
            }
        }
        var before = await CountAsync();
        var description = await Open311Api.ErrorAsync(await api.PostAsync(format, [.. form]), format, expected);
        Assert.False(string.IsNullOrWhiteSpace(description), why);
        Assert.Equal(before, await CountAsync());
    }

    private Task<int> CountAsync() => city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Open311Submissions.CountAsync());

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_revoked_key_is_refused_and_a_post_that_is_not_a_form_is_a_400(string format)
    {
        var admin = await city.App.ClientForAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/requests/open311/clients", new { name = "将被吊销" })).Json(HttpStatusCode.Created);
        var api = new Open311Api(city.App, created.GetProperty("apiKey").GetString()!);
        var (lon, lat) = await PointInCommunityAAsync();
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        await Open311Api.Json(await api.PostAsync("json", api.Form(leaf, ("lat", Inv(lat)), ("long", Inv(lon)), ("description", "x"))), HttpStatusCode.Created);

        // The list never shows a key, only its hint.
        var list = await (await admin.GetAsync("/api/requests/open311/clients?pageSize=500")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(api.Key, list.ToString());
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("keyHint").GetString() == api.Key[..6]);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/requests/open311/clients/{created.GetProperty("id").GetInt32()}")).StatusCode);
        await Open311Api.ErrorAsync(await api.PostAsync(format, api.Form(leaf, ("lat", Inv(lat)), ("long", Inv(lon)), ("description", "x"))), format, HttpStatusCode.Forbidden);

        var json = await api.Http.PostAsJsonAsync($"{Open311Api.Root}/requests.{format}", new { api_key = api.Key, service_code = leaf.ToString(CultureInfo.InvariantCulture) });
        await Open311Api.ErrorAsync(json, format, HttpStatusCode.BadRequest);

        // Only administrators issue keys.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.App.ClientForAsync("hotline")).PostAsJsonAsync("/api/requests/open311/clients", new { name = "x" })).StatusCode);
    }

    // ---- GET requests -----------------------------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Requests_are_found_by_ids_service_codes_dates_and_status_and_paginated(string format)
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var (lon, lat) = await PointInCommunityAAsync();
        var leaf = await RequestsApi.NewLeafAsync(city.App, "water");
        var other = await RequestsApi.NewLeafAsync(city.App);
        var numbers = new List<string>();
        foreach (var (code, text) in new[] { (leaf, "一"), (leaf, "二"), (leaf, "三"), (other, "四") })
        {
            // With a contact: anonymous requests are not public.
            var posted = await Open311Api.Json(await api.PostAsync("json", api.Form(code, ("lat", Inv(lat)), ("long", Inv(lon)), ("description", text),
                ("email", "resident@example.cn"))), HttpStatusCode.Created);
            numbers.Add(posted[0].GetProperty("service_request_id").GetString()!);
        }
        // Close the first through the ticket's life: it is then "closed" for Open311.
        var hotline = await city.App.ClientForAsync("hotline");
        var first = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets.Where(t => t.Number == numbers[0]).Select(t => t.Id).SingleAsync());
        await hotline.OkAsync(first, "close", new { opinion = "已电话答复" });

        async Task<List<Dictionary<string, string>>> Get(string query)
        {
            var response = await api.GetAsync($"/requests.{format}?{query}");
            if (format == "xml")
            {
                var xml = await Open311Api.Xml(response, HttpStatusCode.OK);
                Assert.Equal("service_requests", xml.Name.LocalName);
                return xml.Elements("request").Select(r => r.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)).ToList();
            }
            var json = await Open311Api.Json(response, HttpStatusCode.OK);
            Assert.Equal(JsonValueKind.Array, json.ValueKind);
            Assert.All(json.EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.GetProperty("service_request_id").ValueKind));
            return json.EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ToString())).ToList();
        }
        static IEnumerable<string> Ids(List<Dictionary<string, string>> requests) => requests.Select(r => r["service_request_id"]);

        // service_request_id (comma list) overrides the other filters.
        Assert.Equal([numbers[2], numbers[0]], Ids(await Get($"service_request_id={numbers[0]},{numbers[2]}&status=open&service_code=1")));
        Assert.Equal([numbers[2], numbers[1], numbers[0]], Ids(await Get($"service_code={leaf}")));
        Assert.Equal([numbers[3], numbers[2], numbers[1], numbers[0]], Ids(await Get($"service_code={leaf},{other}")));
        Assert.Equal([numbers[2], numbers[1]], Ids(await Get($"service_code={leaf}&status=open")));
        var closed = await Get($"service_code={leaf}&status=closed");
        Assert.Equal([numbers[0]], Ids(closed));
        Assert.Equal("closed", closed[0]["status"]);
        Assert.Equal(3, (await Get($"service_code={leaf}&status=open,closed")).Count);
        Assert.Equal("市水务局", (await Get($"service_request_id={numbers[1]}"))[0]["agency_responsible"]);

        // Dates: within the window, and a window in the past holds none of them.
        var today = DateTime.UtcNow;
        Assert.Equal(3, (await Get($"service_code={leaf}&start_date={today.AddDays(-1):yyyy-MM-dd'T'HH:mm:ss'Z'}&end_date={today.AddDays(1):yyyy-MM-dd'T'HH:mm:ss'Z'}")).Count);
        Assert.Empty(await Get($"service_code={leaf}&start_date=2020-01-01T00:00:00%2B08:00&end_date=2020-03-01T00:00:00%2B08:00"));
        Assert.Equal(3, (await Get($"service_code={leaf}&start_date={today.AddDays(-2):yyyy-MM-dd'T'HH:mm:ss'Z'}")).Count);

        // page / page_size, newest first.
        Assert.Equal([numbers[1]], Ids(await Get($"service_code={leaf}&page=2&page_size=1")));
        Assert.Empty(await Get($"service_code={leaf}&page=4&page_size=1"));

        // Unknown request: 404; bad filters: 400.
        await Open311Api.ErrorAsync(await api.GetAsync($"/requests/19990101000001.{format}"), format, HttpStatusCode.NotFound);
        foreach (var bad in new[]
                 {
                     "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "start_date=yesterday", "end_date=2026-13-45",
                     "start_date=2026-03-01T00:00:00Z&end_date=2026-02-01T00:00:00Z", "status=pending", "service_code=water", "page=0", "page_size=1001",
                 })
            await Open311Api.ErrorAsync(await api.GetAsync($"/requests.{format}?{bad}"), format, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task History_tickets_are_listed_with_the_agency_and_deadline_of_their_rule_and_nothing_personal()
    {
        var api = new Open311Api(city.App, "");
        var json = await Open311Api.Json(await api.GetAsync("/requests.json?status=closed&page_size=100"), HttpStatusCode.OK);
        Assert.NotEmpty(json.EnumerateArray());
        var body = json.ToString();
        // The seeded reporters' phones are 140 numbers: none of them in a description (a bare "140" may be a house number).
        Assert.All(json.EnumerateArray(), r => Assert.DoesNotMatch(@"140\d{8}", r.GetProperty("description").GetString() ?? ""));
        Assert.DoesNotContain("phone", body);
        Assert.DoesNotContain("email", body);
        Assert.All(json.EnumerateArray(), r =>
        {
            Assert.Equal("closed", r.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("agency_responsible").GetString()));
        });
    }

    // ---- formats and paths ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task An_unknown_format_or_path_is_a_404_error_list()
    {
        var api = new Open311Api(city.App, "");
        await Open311Api.ErrorAsync(await api.GetAsync("/services.csv"), "xml", HttpStatusCode.NotFound);
        await Open311Api.ErrorAsync(await api.GetAsync("/nothing-here.json"), "json", HttpStatusCode.NotFound);
        await Open311Api.ErrorAsync(await api.GetAsync("/nothing/here.xml"), "xml", HttpStatusCode.NotFound);
        await Open311Api.ErrorAsync(await api.Http.PostAsync($"{Open311Api.Root}/requests.csv", new FormUrlEncodedContent([])), "xml", HttpStatusCode.NotFound);
    }
}
