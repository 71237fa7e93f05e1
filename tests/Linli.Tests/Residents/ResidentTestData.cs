using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Platform.PersonalData;

namespace Linli.Tests.Residents;

/// <summary>Made-up people for the tests: valid ID numbers that no seeded resident has (area 1101xx, never a Shenyang district).</summary>
internal static partial class ResidentTestData
{
    private static int _next;

    /// <summary>A fresh valid ID number, unique in this test run.</summary>
    public static string NewIdNumber(DateOnly? birthDate = null, bool male = true)
    {
        var n = Interlocked.Increment(ref _next);
        var birth = birthDate ?? new DateOnly(1950, 1, 1).AddDays(n * 7);
        var sequence = 100 + n % 400 * 2 + (male ? 1 : 0);
        return IdNumber.Compose($"1101{n % 100:D2}", birth, sequence);
    }

    private static int _phones;

    public static string NewPhone() => $"139{Interlocked.Increment(ref _phones) + 20_000_000:D8}";

    public static object NewResident(string communityCode, string idNumber, string? phone = null, string name = "测试居民", object[]? tags = null) => new
    {
        household = new { communityCode, address = "测试路1号", building = "1", unit = "2", room = "301" },
        name,
        idNumber,
        phone,
        relationToHead = "Head",
        tags,
    };

    /// <summary>Creates a resident through the API and returns its id.</summary>
    public static async Task<long> CreateAsync(HttpClient client, string communityCode, string idNumber, string? phone = null, object[]? tags = null)
    {
        var response = await client.PostAsJsonAsync("/api/residents", NewResident(communityCode, idNumber, phone, tags: tags));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Creates a resident from a request body of its own and returns its id.</summary>
    public static async Task<long> CreateWithBodyAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/residents", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    /// <summary>Search by exact ID number (POST, never in a URL); the number of hits.</summary>
    public static async Task<long> CountByIdNumberAsync(HttpClient client, string idNumber)
    {
        var response = await client.PostAsJsonAsync("/api/residents/search", new { idNumber });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt64();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>
    /// The antiforgery token of the page's own form (its cookie stays in the client). Only forms inside &lt;main&gt; count:
    /// the layout's forms carry a token too, and a page form without one fails in a real browser.
    /// </summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string pageUrl)
    {
        var response = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var main = html.IndexOf("<main", StringComparison.Ordinal);
        Assert.True(main >= 0, "the page has a <main> element");
        var match = AntiforgeryField().Match(html[main..]);
        Assert.True(match.Success, "the page has a form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Page HTML with entities decoded (Razor encodes Chinese text as character references).</summary>
    public static async Task<string> TextAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>The error keys of a 400 problem, lower-cased for comparison.</summary>
    public static async Task<IReadOnlyList<string>> ErrorKeysAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        return errors.EnumerateObject().Select(e => e.Name.ToLowerInvariant()).ToList();
    }
}
