using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Open311;
using Linli.Tests.Residents;

namespace Linli.Tests.Platform;

/// <summary>
/// Text input that no handler could store is refused at the edge with a 4xx naming the field (ProblemDetails, or the
/// Open311 error list under /open311): control characters, text that is not Unicode, charsets that are not UTF-8 on JSON,
/// null inside lists, forms that cannot be read.
/// </summary>
[Collection("city")]
public sealed class InputHygieneTests(CityFixture city)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static IReadOnlyList<string> Fields(JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];

    [Theory]
    [InlineData("bogus")]
    [InlineData("utf-16")]
    [InlineData("\"\"")]
    public async Task A_json_body_in_a_charset_other_than_utf8_is_a_415_problem(string charset)
    {
        var anonymous = city.App.CreateClient();
        using var signIn = new StringContent("{\"userName\":\"x\",\"password\":\"y\"}");
        signIn.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
        var problem = await ProblemAsync(await anonymous.PostAsync("/api/auth/token", Strip(signIn, charset)), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("不支持请求的字符编码。", problem.GetProperty("title").GetString());

        var hotline = await city.App.ClientForAsync("hotline");
        using var ticket = new StringContent("{\"description\":\"路灯不亮\",\"categoryId\":1}");
        await ProblemAsync(await hotline.PostAsync("/api/requests/tickets", Strip(ticket, charset)), HttpStatusCode.UnsupportedMediaType);
    }

    private static StringContent Strip(StringContent content, string charset)
    {
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
        return content;
    }

    [Fact]
    public async Task A_json_body_that_names_utf8_is_read()
    {
        var anonymous = city.App.CreateClient();
        using var body = new StringContent($"{{\"userName\":\"resident\",\"password\":\"{LinliFactory.Password}\"}}");
        Strip(body, "UTF-8");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsync("/api/auth/token", body)).StatusCode);
    }

    [Theory]
    [InlineData("\\u0000")]
    [InlineData("\\u0007")]
    [InlineData("\\u001f")]
    [InlineData("\\ud800")]
    public async Task A_control_character_or_a_lone_surrogate_in_a_json_string_is_a_400_naming_the_member(string escaped)
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var problem = await ProblemAsync(await hotline.PostAsync("/api/requests/tickets",
            Json($"{{\"description\":\"路灯{escaped}不亮\",\"categoryId\":1,\"communityCode\":\"{CityFixture.CommunityA}\"}}")), HttpStatusCode.BadRequest);
        Assert.Equal(["Description"], Fields(problem));

        var anonymous = city.App.CreateClient();
        problem = await ProblemAsync(await anonymous.PostAsync("/api/auth/token", Json($"{{\"userName\":\"a{escaped}\",\"password\":\"x\"}}")), HttpStatusCode.BadRequest);
        Assert.Equal(["UserName"], Fields(problem));
    }

    [Fact]
    public async Task Tab_and_line_breaks_stay_allowed_in_free_text()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var response = await hotline.PostAsync("/api/requests/tickets",
            Json($"{{\"description\":\"第一行\\r\\n\\t第二行\",\"categoryId\":{category},\"communityCode\":\"{CityFixture.CommunityA}\"}}"));
        var ticket = (await response.Json(HttpStatusCode.Created)).GetProperty("ticket");
        Assert.Equal("第一行\r\n\t第二行", ticket.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Invalid_utf8_in_a_json_body_is_a_400()
    {
        var anonymous = city.App.CreateClient();
        var bytes = Encoding.UTF8.GetBytes("{\"userName\":\"ab\",\"password\":\"x\"}").ToList();
        bytes.InsertRange(14, new byte[] { 0xC3, 0x28 }); // inside "ab"
        using var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var problem = await ProblemAsync(await anonymous.PostAsync("/api/auth/token", content), HttpStatusCode.BadRequest);
        Assert.Equal(["UserName"], Fields(problem));
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("%01")]
    [InlineData("%1B")]
    public async Task A_control_character_in_the_query_string_is_a_400_naming_the_parameter(string character)
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        Assert.Equal(["q"], Fields(await ProblemAsync(await supervisor.GetAsync($"/api/regions?q=%E7%A4%BE{character}"), HttpStatusCode.BadRequest)));
    }

    // The server itself refuses an encoded NUL in a path (a 400 from Kestrel); every other control character is ours to refuse.
    [Theory]
    [InlineData("%01")]
    [InlineData("%09")]
    [InlineData("%0D%0A")]
    public async Task A_control_character_in_the_path_is_a_400(string character)
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        Assert.Equal(["path"], Fields(await ProblemAsync(await supervisor.GetAsync($"/api/regions/2101{character}"), HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_control_character_in_a_header_is_a_400()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions");
        request.Headers.TryAddWithoutValidation("X-Client-Note", "a\u0001b");
        Assert.Equal(["X-Client-Note"], Fields(await ProblemAsync(await supervisor.SendAsync(request), HttpStatusCode.BadRequest)));
    }

    [Fact]
    public async Task A_control_character_in_a_form_field_is_a_400_naming_it_in_the_open311_error_list()
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var named = await api.PostAsync("json", api.Form(1, ("address_id", CityFixture.CommunityA), ("description", "路灯\u0001不亮")));
        Assert.Contains("description", await Open311Api.ErrorAsync(named, "json", HttpStatusCode.BadRequest));
        // An encoded NUL: the form reader refuses it before any field is known.
        var nul = await api.PostAsync("xml", api.Form(1, ("address_id", CityFixture.CommunityA), ("description", "路灯\0不亮")));
        await Open311Api.ErrorAsync(nul, "xml", HttpStatusCode.BadRequest);
        // The public GET, in XML by default.
        var xml = await api.GetAsync("/requests.xml?service_code=1%00");
        Assert.Contains("service_code", await Open311Api.ErrorAsync(xml, "xml", HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_multipart_form_whose_boundary_does_not_match_is_a_400_not_a_500()
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--other\r\nContent-Disposition: form-data; name=\"api_key\"\r\n\r\nx\r\n--other--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=expected");
        await Open311Api.ErrorAsync(await api.Http.PostAsync($"{Open311Api.Root}/requests.json", content), "json", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_null_inside_a_list_is_a_400_naming_its_place()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var ticket = await hotline.FileAsync(category);

        var whistle = await ProblemAsync(await hotline.PostAsync($"/api/requests/tickets/{ticket.Id()}/whistle",
            Json("{\"departmentCodes\":[\"water\",null],\"reason\":\"x\"}")), HttpStatusCode.BadRequest);
        Assert.Equal(["DepartmentCodes[1]"], Fields(whistle));
        var coHandlers = await ProblemAsync(await hotline.PostAsync($"/api/requests/tickets/{ticket.Id()}/co-handlers", Json("{\"unitCodes\":[null]}")),
            HttpStatusCode.BadRequest);
        Assert.Equal(["UnitCodes[0]"], Fields(coHandlers));

        var worker = await city.App.ClientForAsync("cw.a");
        var resident = ResidentTestData.NewResident(CityFixture.CommunityA, ResidentTestData.NewIdNumber(), tags: [null!]);
        var tags = await ProblemAsync(await worker.PostAsJsonAsync("/api/residents", resident), HttpStatusCode.BadRequest);
        Assert.Equal(["Tags[0]"], Fields(tags));
    }

    [Fact]
    public async Task Wrong_input_is_answered_by_its_field_in_chinese_without_the_value()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var problem = await ProblemAsync(await supervisor.GetAsync("/api/regions?page=13912345678x"), HttpStatusCode.BadRequest);
        Assert.Equal(["Page"], Fields(problem));
        Assert.Equal("请求无法读取。", problem.GetProperty("title").GetString());
        Assert.Equal("格式不正确。", problem.GetProperty("errors").GetProperty("Page")[0].GetString());
        Assert.DoesNotContain(problem.EnumerateObject(), p => p.Value.ToString().Contains("13912345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refused_input_leaves_every_pooled_connection_usable_for_the_next_sign_in()
    {
        var anonymous = city.App.CreateClient();
        var open311 = new Open311Api(city.App, "");
        for (var i = 0; i < 3; i++)
            await ProblemAsync(await anonymous.PostAsync("/api/auth/token", Json("{\"userName\":\"resident\\u0000\",\"password\":\"x\"}")), HttpStatusCode.BadRequest);
        for (var i = 0; i < 8; i++)
            await Open311Api.ErrorAsync(await open311.GetAsync($"/requests.json?status=open%00&page={i + 1}"), "json", HttpStatusCode.BadRequest);

        // An unrelated sign-in, then more queries at once than the pool keeps connections: every one of them works.
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "resident", password = LinliFactory.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var hotline = await city.App.ClientForAsync("hotline");
        var lists = await Task.WhenAll(Enumerable.Range(1, 12).Select(page => hotline.GetAsync($"/api/requests/tickets?page={page}&pageSize=5")));
        Assert.All(lists, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }
}
