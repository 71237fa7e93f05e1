using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Requests.Open311;

/// <summary>A GeoReport v2 client for the tests: form-encoded POSTs, answers read as XML or JSON.</summary>
internal sealed class Open311Api(LinliFactory app, string key)
{
    public const string Root = "/open311/v2";
    public string Key { get; } = key;
    public HttpClient Http { get; } = app.CreateClient();

    public static async Task<Open311Api> WithNewKeyAsync(LinliFactory app, string name = "测试客户端")
    {
        var admin = await app.ClientForAsync("admin");
        var created = await (await admin.PostAsJsonAsync("/api/requests/open311/clients", new { name })).Json(HttpStatusCode.Created);
        return new Open311Api(app, created.GetProperty("apiKey").GetString()!);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(Root + path);

    public Task<HttpResponseMessage> PostAsync(string format, params (string Key, string Value)[] fields) =>
        Http.PostAsync($"{Root}/requests.{format}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));

    public (string, string)[] Form(int serviceCode, params (string, string)[] more) =>
        [("api_key", Key), ("service_code", serviceCode.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. more];

    public static async Task<XElement> Xml(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var root = XDocument.Parse(body).Root!;
        Assert.DoesNotContain(root.DescendantsAndSelf(), e => e.Name.NamespaceName != "" || e.Attributes().Any(a => a.IsNamespaceDeclaration));
        return root;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>The spec's error list in the given format with the given code; returns the description.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, string format, HttpStatusCode expected)
    {
        if (format == "xml")
        {
            var root = await Xml(response, expected);
            Assert.Equal("errors", root.Name.LocalName);
            var error = Assert.Single(root.Elements("error"));
            Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Element("code")!.Value);
            var description = error.Element("description")!.Value;
            Assert.False(string.IsNullOrWhiteSpace(description));
            Assert.DoesNotContain("   at ", description);
            return description;
        }
        var json = await Json(response, expected);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        var item = Assert.Single(json.EnumerateArray().ToList());
        Assert.Equal((int)expected, item.GetProperty("code").GetInt32());
        var text = item.GetProperty("description").GetString()!;
        Assert.DoesNotContain("   at ", text);
        return text;
    }
}
