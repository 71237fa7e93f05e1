using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Open311;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Platform;

/// <summary>
/// Every refusal and every invalid call of the API is answered by the one exception handler as ProblemDetails, in the
/// caller's language: Chinese by default, English when the caller asks for it in Accept-Language (or by the language
/// switch's cookie, which wins). Fields, codes and status stay the same in both languages; only the text differs.
/// </summary>
[Collection("city")]
public sealed class ErrorLanguageTests(CityFixture city)
{
    private static async Task<JsonElement> ProblemAsync(HttpClient client, string? language, HttpMethod method, string url, object? body = null,
        HttpStatusCode expected = HttpStatusCode.BadRequest, string? json = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Title(JsonElement problem) => problem.GetProperty("title").GetString()!;
    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;
    /// <summary>The messages of one field; the field's name is compared without case (the API's and the record's spelling).</summary>
    private static string[] Errors(JsonElement problem, string field) =>
        problem.GetProperty("errors").EnumerateObject().Single(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase))
            .Value.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Theory]
    [InlineData("zh-CN", "无权执行此操作。", "社区 " + CityFixture.CommunityB + " 不在您的管辖范围内。")]
    [InlineData("en", "Forbidden.", "Community " + CityFixture.CommunityB + " is outside your area.")]
    public async Task Registering_a_resident_outside_the_area_is_a_403_problem_in_the_callers_language(string language, string title, string detail)
    {
        var cw = await city.App.ClientForAsync("cw.a");
        var problem = await ProblemAsync(cw, language, HttpMethod.Post, "/api/residents", NewResident(CityFixture.CommunityB, NewIdNumber()), HttpStatusCode.Forbidden);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, Title(problem));
        Assert.Equal(detail, Detail(problem));
    }

    [Theory]
    [InlineData("zh-CN", "没有代码为 210102999999 的社区（村）。")]
    [InlineData("en", "There is no community (village) with code 210102999999.")]
    public async Task A_resident_in_an_unknown_community_names_the_field_in_the_callers_language(string language, string message)
    {
        var cw = await city.App.ClientForAsync("cw.a");
        var problem = await ProblemAsync(cw, language, HttpMethod.Post, "/api/residents", NewResident("210102999999", NewIdNumber()));
        Assert.Equal([message], Errors(problem, "household.communityCode"));
    }

    [Theory]
    [InlineData("zh-CN", "无权执行此操作。", "只有工单派往的单位可以签收。", "冲突。", "工单当前的状态不允许此操作：派单。")]
    [InlineData("en", "Forbidden.", "Only the unit the ticket was sent to signs for it.", "Conflict.", "The ticket's current state does not allow this: Dispatch.")]
    public async Task A_ticket_step_that_is_not_the_callers_or_not_now_is_refused_in_the_callers_language(
        string language, string forbiddenTitle, string forbidden, string conflictTitle, string conflict)
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var ticket = await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"));
        var url = $"/api/requests/tickets/{ticket.Id()}";

        var notTheirs = await ProblemAsync(hotline, language, HttpMethod.Post, url + "/sign", new { }, HttpStatusCode.Forbidden);
        Assert.Equal(forbiddenTitle, Title(notTheirs));
        Assert.Equal(forbidden, Detail(notTheirs));

        await hotline.OkAsync(ticket.Id(), "close", new { opinion = "已电话答复" });
        var notNow = await ProblemAsync(hotline, language, HttpMethod.Post, url + "/dispatch", new { }, HttpStatusCode.Conflict);
        Assert.Equal(conflictTitle, Title(notNow));
        Assert.Equal(conflict, Detail(notNow));
        Assert.Equal("Closed", notNow.GetProperty("state").GetString()); // the member a client reads is not translated
    }

    [Theory]
    [InlineData("zh-CN", "有字段填写不正确。", "该位置不在本市范围内。")]
    [InlineData("en", "One or more fields are invalid.", "That location is outside the city.")]
    public async Task A_ticket_filed_outside_the_city_names_the_field_in_the_callers_language(string language, string title, string message)
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var problem = await ProblemAsync(hotline, language, HttpMethod.Post, "/api/requests/tickets", new
        {
            description = "路灯不亮", categoryId = await RequestsApi.NewLeafAsync(city.App), urgency = "Normal", longitude = 100.0, latitude = 30.0,
        });
        Assert.Equal(title, Title(problem));
        Assert.Equal([message], Errors(problem, "longitude"));
    }

    /// <summary>The framework's own binding failure ("The value '东经123度' is not valid for Longitude.") never reaches the caller: our field message does, in their language, without the value.</summary>
    [Theory]
    [InlineData("zh-CN", "请求无法读取。", "格式不正确。")]
    [InlineData("en", "The request could not be read.", "Has the wrong format.")]
    public async Task A_value_the_framework_cannot_bind_is_named_in_the_callers_language_without_quoting_it(string language, string title, string message)
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var body = $$"""{"description":"路灯不亮","categoryId":1,"urgency":"Normal","longitude":"东经123度","latitude":41.8}""";
        var problem = await ProblemAsync(hotline, language, HttpMethod.Post, "/api/requests/tickets", json: body);
        Assert.Equal(title, Title(problem));
        Assert.Equal([message], Errors(problem, "longitude"));
        Assert.DoesNotContain("东经123度", problem.ToString());

        var query = await ProblemAsync(hotline, language, HttpMethod.Get, "/api/requests/tickets?categoryId=%E4%B8%89");
        Assert.Equal(title, Title(query));
        Assert.Equal([message], Errors(query, "categoryId"));
    }

    [Theory]
    [InlineData("zh-CN", "登录失败。", "用户名或密码不正确，或登录暂时被锁定。")]
    [InlineData("en", "Sign-in failed.", "The user name or password is wrong, or signing in is locked for now.")]
    public async Task A_failed_token_sign_in_is_told_in_the_callers_language(string language, string title, string detail)
    {
        var problem = await ProblemAsync(city.App.CreateClient(), language, HttpMethod.Post, "/api/auth/token",
            new { userName = "nobody-" + language, password = "Wrong-password-1" }, HttpStatusCode.Unauthorized);
        Assert.Equal(title, Title(problem));
        Assert.Equal(detail, Detail(problem));
    }

    [Theory]
    [InlineData("zh-CN", "未找到。", "没有代码为 210199 的行政区划。", "21 不是区县或街道的代码。")]
    [InlineData("en", "Not found.", "There is no region with code 210199.", "21 is not the code of a district or street.")]
    public async Task An_unknown_region_is_told_in_the_callers_language(string language, string title, string region, string notAnArea)
    {
        var cw = await city.App.ClientForAsync("cw.a");
        var unknown = await ProblemAsync(cw, language, HttpMethod.Get, "/api/regions/210199", expected: HttpStatusCode.NotFound);
        Assert.Equal(title, Title(unknown));
        Assert.Equal(region, Detail(unknown));
        var communities = await ProblemAsync(cw, language, HttpMethod.Get, "/api/regions/21/communities", expected: HttpStatusCode.NotFound);
        Assert.Equal(notAnArea, Detail(communities));
    }

    [Theory]
    [InlineData("zh-CN", "未找到。", "消息 987654321 不存在。", "Idempotency-Key 须为 1 到 255 个可打印的 ASCII 字符。")]
    [InlineData("en", "Not found.", "Message 987654321 does not exist.", "The Idempotency-Key must be 1 to 255 printable ASCII characters.")]
    public async Task Platform_answers_speak_the_callers_language(string language, string title, string message, string badKey)
    {
        var cw = await city.App.ClientForAsync("cw.a");
        var route = await ProblemAsync(cw, language, HttpMethod.Get, "/api/no-such-endpoint", expected: HttpStatusCode.NotFound);
        Assert.Equal(title, Title(route)); // the framework's bare 404, not its English reason phrase

        var inbox = await ProblemAsync(cw, language, HttpMethod.Post, "/api/inbox/987654321/read", expected: HttpStatusCode.NotFound);
        Assert.Equal(message, Detail(inbox));

        var hotline = await city.App.ClientForAsync("hotline");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests/tickets")
        {
            Content = JsonContent.Create(new { description = "路灯不亮", categoryId = 1, urgency = "Normal", communityCode = CityFixture.CommunityA }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "not a key");
        using var response = await hotline.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([badKey], Errors(problem, "Idempotency-Key"));
    }

    [Fact]
    public async Task Without_a_language_the_api_answers_in_chinese_and_the_language_switch_wins_over_the_header()
    {
        var cw = await city.App.ClientForAsync("cw.a");
        var plain = await ProblemAsync(cw, null, HttpMethod.Get, "/api/regions/210199", expected: HttpStatusCode.NotFound);
        Assert.Equal("没有代码为 210199 的行政区划。", Detail(plain));
        var switched = await ProblemAsync(cw, "en", HttpMethod.Get, "/api/regions/210199", expected: HttpStatusCode.NotFound, cookie: ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");
        Assert.Equal("没有代码为 210199 的行政区划。", Detail(switched));
        var english = await ProblemAsync(cw, null, HttpMethod.Get, "/api/regions/210199", expected: HttpStatusCode.NotFound, cookie: ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        Assert.Equal("There is no region with code 210199.", Detail(english));
    }

    /// <summary>The spec's error list of an Open311 call: its one error's code and description, read from the XML or the JSON.</summary>
    private static async Task<(int Code, string Description)> Open311ErrorAsync(HttpClient client, string? language, HttpMethod method, string url,
        HttpStatusCode expected, (string, string)[]? form = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        if (form is not null) request.Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (url.Split('?')[0].EndsWith(".json", StringComparison.Ordinal))
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var error = Assert.Single(JsonDocument.Parse(text).RootElement.EnumerateArray().ToList());
            Assert.Equal(["code", "description"], error.EnumerateObject().Select(p => p.Name));
            return (error.GetProperty("code").GetInt32(), error.GetProperty("description").GetString()!);
        }
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var root = XDocument.Parse(text).Root!;
        Assert.Equal("errors", root.Name.LocalName);
        var item = Assert.Single(root.Elements("error"));
        Assert.Equal(["code", "description"], item.Elements().Select(e => e.Name.LocalName));
        return (int.Parse(item.Element("code")!.Value, CultureInfo.InvariantCulture), item.Element("description")!.Value);
    }

    [Theory]
    [InlineData("zh-CN", "status“pending”不是 open 或 closed。", "没有服务请求“19990101000001”。", "api_key 必填。", "没有这个 Open311 资源。")]
    [InlineData("en", "status 'pending' is not open or closed.", "No service request '19990101000001'.", "api_key is required.", "No such Open311 resource.")]
    public async Task An_open311_error_is_described_in_the_callers_language_with_the_specs_code_and_shape(
        string language, string badStatus, string unknownRequest, string noKey, string noResource)
    {
        var client = city.App.CreateClient();
        Assert.Equal((400, badStatus), await Open311ErrorAsync(client, language, HttpMethod.Get, $"{Open311Api.Root}/requests.json?status=pending", HttpStatusCode.BadRequest));
        Assert.Equal((400, badStatus), await Open311ErrorAsync(client, language, HttpMethod.Get, $"{Open311Api.Root}/requests.xml?status=pending", HttpStatusCode.BadRequest));
        Assert.Equal((404, unknownRequest), await Open311ErrorAsync(client, language, HttpMethod.Get, $"{Open311Api.Root}/requests/19990101000001.json", HttpStatusCode.NotFound));
        Assert.Equal((403, noKey), await Open311ErrorAsync(client, language, HttpMethod.Post, $"{Open311Api.Root}/requests.xml", HttpStatusCode.Forbidden,
            form: [("service_code", "1"), ("address_id", CityFixture.CommunityA), ("description", "路灯不亮")]));
        Assert.Equal((404, noResource), await Open311ErrorAsync(client, language, HttpMethod.Get, $"{Open311Api.Root}/no-such-thing.json", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Without_a_language_open311_answers_in_chinese_and_the_culture_query_or_the_language_switch_wins_over_the_header()
    {
        var client = city.App.CreateClient();
        var url = $"{Open311Api.Root}/requests/19990101000001.xml";
        Assert.Equal((404, "没有服务请求“19990101000001”。"), await Open311ErrorAsync(client, null, HttpMethod.Get, url, HttpStatusCode.NotFound));
        Assert.Equal((404, "没有服务请求“19990101000001”。"), await Open311ErrorAsync(client, "en", HttpMethod.Get, url, HttpStatusCode.NotFound,
            cookie: ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN"));
        Assert.Equal((404, "No service request '19990101000001'."), await Open311ErrorAsync(client, "zh-CN", HttpMethod.Get, url + "?culture=en", HttpStatusCode.NotFound));
    }

    [Fact]
    public async Task Pages_do_not_follow_the_browsers_language_until_the_user_switches()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await city.App.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", await response.Content.ReadAsStringAsync());
    }

    /// <summary>The framework's English "The value '东经123度' is not valid for Longitude." on a page form: our message, naming the field in the user's language.</summary>
    [Theory]
    [InlineData("zh-CN", "经度的格式不正确。")]
    [InlineData("en", "The value for Longitude is not valid.")]
    public async Task A_form_value_the_framework_cannot_bind_is_named_in_the_users_language(string culture, string message)
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new?culture=" + culture,
        [
            ("Description", "路灯不亮"), ("CategoryId", category.ToString(CultureInfo.InvariantCulture)), ("Longitude", "东经123度"), ("Latitude", "41.8"),
            ("Urgency", "Normal"), ("Step", "file"),
        ])).HtmlAsync();
        Assert.Contains(message, html);
        Assert.DoesNotContain("is not valid for", html);
    }
}
