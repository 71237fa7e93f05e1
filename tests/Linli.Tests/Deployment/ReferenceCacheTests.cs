using System.Net;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Open311;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Open311;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Deployment;

/// <summary>
/// Reference data kept in the platform's HybridCache (docs/how-to/caching.md): a change made through the API is used at
/// once by the instance that made it (its tag is dropped), and another instance, which has only its own in-process copy,
/// sees it once the entry's bound has passed on the clock — never later. The clock is a fake one shared by both
/// instances, so the bound is stepped over, not waited for.
/// </summary>
public sealed class ReferenceCacheTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(WorkingCalendar.ToUtc(new DateTime(2026, 11, 10, 10, 0, 0)), TimeSpan.Zero));
    private LinliFactory _a = null!;
    private LinliFactory _b = null!;

    private void Services(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.Configure<RequestsOptions>(o => o.RunJobs = false);
    }

    public async Task InitializeAsync()
    {
        _a = new LinliFactory { TestServices = Services };
        _ = _a.Server;
        _b = LinliFactory.Beside(_a, Services);
        _ = _b.Server;
        await _a.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _a.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_category_added_through_the_api_is_used_at_once_by_the_instance_that_added_it()
    {
        var hotline = await _a.ClientForAsync("hotline");
        await hotline.FileAsync(await RequestsApi.NewLeafAsync(_a)); // the catalog is loaded and kept now

        // No time passes: only the tag dropped by the change can make the new category known to intake.
        var added = await RequestsApi.NewLeafAsync(_a, "water");
        var filed = await hotline.FileAsync(added, description: "井盖丢失");

        Assert.Equal("water", (await hotline.OkAsync(filed.Id(), "dispatch")).GetProperty("assignedUnitCode").GetString());
    }

    [Fact]
    public async Task A_revoked_open311_key_is_refused_at_once_here_and_by_the_other_instance_once_its_bound_has_passed()
    {
        var onA = await Open311Api.WithNewKeyAsync(_a);
        var onB = new Open311Api(_b, onA.Key);
        // A valid key gets as far as the missing fields (400); a refused one stops at the key (403). Both instances keep it now.
        Assert.Equal(HttpStatusCode.BadRequest, (await onA.PostAsync("json", ("api_key", onA.Key))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await onB.PostAsync("json", ("api_key", onB.Key))).StatusCode);

        var admin = await _a.ClientForAsync("admin");
        var clients = await (await admin.GetAsync("/api/requests/open311/clients?pageSize=500")).Json(HttpStatusCode.OK);
        var id = clients.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("keyHint").GetString() == onA.Key[..6]).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/requests/open311/clients/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await onA.PostAsync("json", ("api_key", onA.Key))).StatusCode);
        _clock.Advance(Open311KeyCache.Bound - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.BadRequest, (await onB.PostAsync("json", ("api_key", onB.Key))).StatusCode); // still within B's bound
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(HttpStatusCode.Forbidden, (await onB.PostAsync("json", ("api_key", onB.Key))).StatusCode);
    }

    [Fact]
    public void Each_cached_entry_expires_after_the_bound_another_instance_is_promised()
    {
        var (catalog, seconds) = _a.Service(sp => (sp.GetRequiredService<CategoryCatalog>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestsOptions>>().Value.CatalogRefreshSeconds));

        Assert.Equal(TimeSpan.FromSeconds(seconds), catalog.Entry.Expiration);
        Assert.Equal(TimeSpan.FromSeconds(seconds), catalog.Entry.LocalCacheExpiration);
    }
}
