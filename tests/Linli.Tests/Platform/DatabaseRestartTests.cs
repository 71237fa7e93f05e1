using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Linli.Platform.Jobs;
using Npgsql;

namespace Linli.Tests.Platform;

/// <summary>
/// A PostgreSQL restart drops every connection, the idle ones in the pool included. The test does what a restart does
/// to the app's database (pg_terminate_backend on each of its connections): a read is answered by a second try on a
/// fresh connection, a write is a 503 with Retry-After (never repeated: it may have committed), and the next request works.
/// </summary>
public sealed class DatabaseRestartTests : IAsyncLifetime
{
    private const string Why = "a restart drops the server's connections; SQLite has none";

    private sealed class QuietApp : LinliFactory
    {
        // No background jobs: they would meet the dropped connections first and hide what a request meets.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
        [
            new("Requests:RunJobs", "false"), new("ServiceDesk:Cases:RunJobs", "false"), new("Appointments:RunJobs", "false"),
            new("Calendar:RefreshSeconds", "3600"),
        ];
    }

    private readonly LogCapture _logs = new();
    private LinliFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new QuietApp
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(_logs);
                // No background job at all: the first pass of a cleanup job (they all run one at the start) could come
                // after the drop, meet the dropped connection first and leave the request a fresh pool.
                foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService)
                                                        && (d.ImplementationType?.IsSubclassOf(typeof(PollingJob)) == true || d.ImplementationFactory is not null)).ToList())
                    services.Remove(job);
            },
        };
        if (!TestDatabase.IsPostgres) return;
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Terminates every connection the app holds to its database and waits until they are gone; returns how many there were.</summary>
    private async Task<int> DropTheAppsConnectionsAsync()
    {
        var own = new NpgsqlConnectionStringBuilder(_app.Services.GetRequiredService<IConfiguration>()["Database:ConnectionString"]) { Pooling = false };
        await using var connection = new NpgsqlConnection(own.ConnectionString);
        await connection.OpenAsync();
        await using var terminate = new NpgsqlCommand(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        var dropped = Convert.ToInt32(await terminate.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await using var left = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        for (var i = 0; i < 100 && Convert.ToInt32(await left.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0; i++) await Task.Delay(20);
        return dropped;
    }

    [PostgresFact(Why)]
    public async Task A_read_after_a_restart_is_answered_by_a_second_try_on_a_fresh_connection()
    {
        var admin = await _app.ClientForAsync("admin");
        await (await admin.GetAsync("/api/requests/categories")).Json(HttpStatusCode.OK);
        Assert.True(await DropTheAppsConnectionsAsync() > 0, "the app held no connection to drop");

        var categories = await (await admin.GetAsync("/api/requests/categories")).Json(HttpStatusCode.OK);
        Assert.True(categories.GetProperty("total").GetInt32() > 0);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("trying once more", StringComparison.Ordinal)
                                            && e.Message.Contains("/api/requests/categories", StringComparison.Ordinal));
        Assert.Empty(_logs.Failures());
    }

    [PostgresFact(Why)]
    public async Task A_write_after_a_restart_is_a_503_with_retry_after_and_the_next_request_works()
    {
        var admin = await _app.ClientForAsync("admin");
        await (await admin.GetAsync("/api/requests/categories")).Json(HttpStatusCode.OK);
        Assert.True(await DropTheAppsConnectionsAsync() > 0, "the app held no connection to drop");

        var name = "重启测试" + Guid.NewGuid().ToString("N")[..6];
        var refused = await admin.PostAsJsonAsync("/api/requests/categories", new { name });
        var problem = await refused.Json(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("服务暂时不可用。", problem.GetProperty("title").GetString());
        Assert.Empty(_logs.Failures()); // a warning without a stack trace, not an error

        // The pool was emptied: the client's retry, and a sign-in, find the database again.
        await (await admin.PostAsJsonAsync("/api/requests/categories", new { name })).Json(HttpStatusCode.Created);
        var found = await (await admin.GetAsync($"/api/requests/categories?search={Uri.EscapeDataString(name)}")).Json(HttpStatusCode.OK);
        Assert.Equal(1, found.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = LinliFactory.Password })).StatusCode);
    }

    [PostgresFact(Why)]
    public async Task A_sign_in_after_a_restart_is_a_503_never_a_500()
    {
        var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = LinliFactory.Password })).StatusCode);
        Assert.True(await DropTheAppsConnectionsAsync() > 0, "the app held no connection to drop");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2; i++)
            statuses.Add((await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = LinliFactory.Password })).StatusCode);
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
    }

    [PostgresFact(Why)]
    public async Task An_open311_read_after_a_restart_is_answered_by_a_second_try()
    {
        var open311 = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await open311.GetAsync("/open311/v2/requests.json")).StatusCode);
        Assert.True(await DropTheAppsConnectionsAsync() > 0, "the app held no connection to drop");
        var response = await open311.GetAsync("/open311/v2/requests.json");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
