using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Accounts;

public sealed class TokenSignInTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("worker", Roles.CommunityWorker, "210102001002");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_right_password_gets_a_bearer_token_that_opens_the_api()
    {
        var client = _app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "worker", password = LinliFactory.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("accessToken").GetString();
        Assert.False(string.IsNullOrEmpty(token));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(30));

        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/regions/2101")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "worker", password = "wrong-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/regions/2101")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await _app.CreateUserAsync("target", Roles.CommunityWorker, "210102001002");
        var client = _app.CreateClient();
        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/token", new { userName = "target", password = "wrong-password" });

        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "target", password = LinliFactory.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_request_without_fields_is_a_400_problem_naming_them()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/auth/token", new { });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("errors", out var errors), problem.ToString());
        Assert.True(errors.TryGetProperty("UserName", out _) || errors.TryGetProperty("userName", out _), errors.ToString());
    }
}
