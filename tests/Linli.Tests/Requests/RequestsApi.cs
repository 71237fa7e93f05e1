using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Regions.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>Small helpers over the Requests API for the tests: filing, acting, reading.</summary>
internal static class RequestsApi
{
    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    /// <summary>A fresh leaf category (so tests do not see each other's tickets as duplicates), routed to <paramref name="department"/> or the community.</summary>
    public static async Task<int> NewLeafAsync(LinliFactory app, string? department = null, int? radius = null)
    {
        var admin = await app.ClientForAsync("admin");
        // Digits only: a hex tag of letters alone (bdffaefa) reads as an English word to the raw-code test of the pages it shows on.
        var tag = Random.Shared.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var top = await (await admin.PostAsJsonAsync("/api/requests/categories", new { name = "测试" + tag })).Json(HttpStatusCode.Created);
        var middle = await (await admin.PostAsJsonAsync("/api/requests/categories", new { name = "二级", parentId = top.GetProperty("id").GetInt32() })).Json(HttpStatusCode.Created);
        var leaf = await (await admin.PostAsJsonAsync("/api/requests/categories", new { name = "三级", parentId = middle.GetProperty("id").GetInt32() })).Json(HttpStatusCode.Created);
        var id = leaf.GetProperty("id").GetInt32();
        if (department is not null || radius is not null)
            await (await admin.PutAsJsonAsync($"/api/requests/routing-rules/{id}", new
            {
                departmentCode = department, signHoursUrgent = 1, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5, duplicateRadiusMeters = radius,
            })).Json(HttpStatusCode.OK);
        return id;
    }

    public static async Task<JsonElement> FileAsync(this HttpClient client, int categoryId, string community = CityFixture.CommunityA,
        string description = "楼道灯坏了", string? phone = "13812345678", double? lon = null, double? lat = null, string urgency = "Normal")
    {
        var response = await client.PostAsJsonAsync("/api/requests/tickets", new
        {
            description, categoryId, urgency, communityCode = lon is null ? community : null, longitude = lon, latitude = lat, contactPhone = phone,
        });
        return (await response.Json(HttpStatusCode.Created)).GetProperty("ticket");
    }

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, long id, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/requests/tickets/{id}/{action}", body ?? new { });

    public static async Task<JsonElement> OkAsync(this HttpClient client, long id, string action, object? body = null) =>
        await (await client.ActAsync(id, action, body)).Json(HttpStatusCode.OK);

    public static async Task<JsonElement> GetTicketAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/requests/tickets/{id}")).Json(HttpStatusCode.OK);

    public static long Id(this JsonElement ticket) => ticket.GetProperty("id").GetInt64();
    public static string State(this JsonElement ticket) => ticket.GetProperty("state").GetString()!;

    public static async Task<IReadOnlyList<RegionInfo>> GridsAsync(LinliFactory app, string community) =>
        await app.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Grid, community));

    public static IEnumerable<string> ActionsOf(JsonElement ticket) => ticket.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("action").GetString()!);
}
