using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.ServiceDesk.Appointments;

/// <summary>
/// One application on a clock the tests move (Monday 2026-09-28, 08:00 China time, before the National Day holidays of
/// 1–7 October and the Saturday 10 October worked instead), with the appointment job switched off so that the tests run
/// its passes at the times they choose. Each test takes a community of its own and residents of its own.
/// </summary>
public sealed class AppointmentsFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(WorkingCalendar.ToUtc(new DateTime(2026, 9, 28, 8, 0, 0)), TimeSpan.Zero);

    public SettableClock Clock { get; } = new(Start);
    public LinliFactory App { get; }
    private List<string> _communities = [];
    private int _nextCommunity;
    private int _nextResident;

    public AppointmentsFixture()
    {
        App = new AppointmentsFactory
        {
            TestServices = s => s.AddSingleton<TimeProvider>(Clock),
        };
    }

    private sealed class AppointmentsFactory : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() =>
            // The holiday tests apply a new revision themselves and assert what that pass moved: no instance may poll it away first.
            [new("Appointments:RunJobs", "false"), new("Requests:RunJobs", "false"), new("Calendar:RefreshSeconds", "3600")];
    }

    public async Task InitializeAsync()
    {
        _ = App.Server;
        // A worker for the whole district (its scope covers every community the tests take), and one for a single other community.
        await App.CreateUserAsync("appt.district", Roles.CommunityWorker, "210102");
        _communities = (await App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community, "210102")))
            .Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        await App.CreateUserAsync("appt.other", Roles.CommunityWorker, "210103");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A community of 和平区 no other test uses.</summary>
    public string NewCommunity() => _communities[Interlocked.Increment(ref _nextCommunity)];

    public void ResetClock() => Clock.SetUtcNow(Start);

    public void MoveTo(DateTime chinaLocal) => Clock.SetUtcNow(new DateTimeOffset(WorkingCalendar.ToUtc(chinaLocal), TimeSpan.Zero));

    /// <summary>Signed-in residents of their own.</summary>
    public async Task<List<Resident>> NewResidentsAsync(int count)
    {
        var names = Enumerable.Range(0, count).Select(_ => $"appt.r{Interlocked.Increment(ref _nextResident):0000}").ToList();
        foreach (var name in names) await App.CreateUserAsync(name, Roles.Resident);
        var residents = new List<Resident>();
        foreach (var name in names)
        {
            var id = await App.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<Linli.Modules.Accounts.Domain.LinliUser>>().FindByNameAsync(name))!.Id);
            residents.Add(new Resident(await App.ClientForAsync(name), id, name));
        }
        return residents;
    }

    /// <summary>
    /// A published item with two materials, as the catalog would publish it: by default handled at the window and by
    /// appointment, city-wide, on the 代办 list of 和平区 (every community the tests take), unless <paramref name="districts"/> or
    /// <paramref name="cityWide"/> say otherwise.
    /// </summary>
    internal Task<long> NewItemAsync(string name = "高龄津贴申领", HandlingModes modes = HandlingModes.Window | HandlingModes.Appointment, string[]? districts = null,
        bool cityWide = true) =>
        App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ServiceDeskDbContext>();
        var item = new ServiceItem { Code = "T" + Guid.NewGuid().ToString("N")[..12], Name = name, CreatedAt = Start.UtcDateTime };
        var version = new ServiceItemVersion
        {
            Number = 1, State = ItemVersionState.Published, Name = name, DepartmentCode = "civil", LegalLimitDays = 20, PromisedLimitDays = 10,
            Modes = modes, CityWide = cityWide, CreatedAt = Start.UtcDateTime, PublishedAt = Start.UtcDateTime,
            Materials =
            [
                new ItemMaterial { Position = 1, Name = "居民身份证", Original = true },
                new ItemMaterial { Position = 2, Name = "户口簿", Original = false, Copies = 1, Mandatory = false, Condition = "户籍不在本市的" },
            ],
        };
        item.Versions.Add(version);
        db.ServiceItems.Add(item);
        await db.SaveChangesAsync();
        item.PublishedVersionId = version.Id;
        foreach (var district in districts ?? ["210102"])
            db.ItemAvailability.Add(new ItemAvailability { ItemId = item.Id, DistrictCode = district, PublishedAt = Start.UtcDateTime });
        await db.SaveChangesAsync();
        return item.Id;
    });

    public async Task<HttpClient> WorkerAsync(string name = "appt.district") => await App.ClientForAsync(name);

    /// <summary>Publishes slots over HTTP as the district's worker and answers the community's slot list over [from, to].</summary>
    public async Task<List<JsonElement>> PublishAsync(string community, DateOnly from, DateOnly to, int capacity, object[]? periods = null, int minutes = 30,
        long[]? items = null)
    {
        var worker = await WorkerAsync();
        var response = await worker.PostAsJsonAsync("/api/appointments/slots", new
        {
            communityCode = community, from, to, periods = periods ?? [new { from = "09:00", to = "11:30" }, new { from = "13:30", to = "16:30" }],
            slotMinutes = minutes, capacity, itemIds = items,
        });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await SlotsAsync(App.CreateClient(), community, from, to);
    }

    public static async Task<List<JsonElement>> SlotsAsync(HttpClient client, string community, DateOnly from, DateOnly to, long? item = null)
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var url = $"/api/appointments/slots?community={community}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&page={page}&pageSize=100" + (item is { } i ? $"&item={i}" : "");
            var body = await (await client.GetAsync(url)).Content.ReadFromJsonAsync<JsonElement>();
            var items = body.GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            if (page >= body.GetProperty("pageCount").GetInt32()) return all;
        }
    }

    public static Task<HttpResponseMessage> BookAsync(HttpClient resident, long slotId, long itemId, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments") { Content = JsonContent.Create(new { slotId, itemId }) };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return resident.SendAsync(request);
    }

    internal T Db<T>(Func<ServiceDeskDbContext, T> read) => App.Service(sp => read(sp.GetRequiredService<ServiceDeskDbContext>()));
}

public sealed record Resident(HttpClient Client, string UserId, string UserName);

/// <summary>A clock the tests set forwards and back (each test starts at <see cref="AppointmentsFixture.Start"/>); timers run on real time.</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void SetUtcNow(DateTimeOffset value) => _now = value;

    public void Advance(TimeSpan by) => _now += by;
}

[CollectionDefinition("appointments")]
public sealed class AppointmentsCollection : ICollectionFixture<AppointmentsFixture>;

internal static class AppointmentJson
{
    public static long Id(this JsonElement e) => e.GetProperty("id").GetInt64();

    public static DateTime StartsAt(this JsonElement e) => e.GetProperty("startsAt").GetDateTime().ToUniversalTime();

    public static DateOnly Day(this JsonElement e) => DateOnly.Parse(e.GetProperty("day").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<JsonElement> Json(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }
}
