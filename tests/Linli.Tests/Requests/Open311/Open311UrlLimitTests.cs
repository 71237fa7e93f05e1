using System.Net;
using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Requests.Open311;

/// <summary>
/// How many service_request_id fit in one GET is the server's request-line limit, not an arbitrary count: over real
/// HTTP (Kestrel, not the in-memory test server, which has no such limit) a URL as long as discovery says is served and
/// a longer one is Kestrel's 414.
/// </summary>
public sealed class Open311UrlLimitTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new();

    public Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task As_many_ids_as_discovery_says_are_served_and_a_url_over_the_limit_is_a_414()
    {
        using var http = _app.CreateClient();
        var discovery = JsonDocument.Parse(await http.GetStringAsync("/open311/v2/discovery.json")).RootElement;
        var maxUrl = discovery.GetProperty("max_url_length").GetInt32();
        var maxIds = discovery.GetProperty("max_service_request_ids").GetInt32();
        Assert.True(maxIds >= 900, $"{maxIds} ids");

        // Ticket numbers as a client sends them: 14 digits, commas encoded.
        var ids = string.Join("%2C", Enumerable.Range(0, maxIds).Select(i => $"2026110{i:D7}"));
        var manyIds = $"/open311/v2/requests.json?service_request_id={ids}";
        Assert.True(Encoding.ASCII.GetByteCount(manyIds) <= maxUrl);
        var served = await http.GetAsync(manyIds);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(await served.Content.ReadAsStringAsync()).RootElement.ValueKind);

        // Exactly the stated length is served; past the server's request line it is refused by the server itself.
        var padded = "/open311/v2/requests.json?service_request_id=20261101000001&pad=";
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(padded + new string('x', maxUrl - padded.Length))).StatusCode);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, (await http.GetAsync(padded + new string('x', maxUrl + 64 - padded.Length))).StatusCode);
    }
}
