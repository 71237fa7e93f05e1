using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Residents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>
/// One application for the case tests, on its own database and a fake clock (Monday 2 Nov 2026, 09:00 China time),
/// with accounts at a village of 新民市 (the accepting community), an urban community of 和平区 (the applicants' home),
/// a second community of 和平区, the two districts and a third, the deciding department, and residents in the pool. The
/// items are made here through the context (published versions with materials), until the catalog's seed exists.
/// </summary>
public sealed class ServiceDeskApp : IAsyncLifetime
{
    public const string Village = "210181001201";     // 北张村委会, 新民市
    public const string Home = "210102001002";        // 水源地社区, 和平区
    public const string OtherCommunity = "210102002001";
    public const string Department = "civil-affairs";
    public const string CityWideItem = "TEST-CW-001";
    public const string LocalItem = "TEST-LOCAL-001";
    public const string RetiredItem = "TEST-RETIRED-001";
    public const string DraftItem = "TEST-DRAFT-001";
    /// <summary>City-wide items with 申请条件: 60 full years of age; a disability tag in the pool.</summary>
    public const string ElderlyItem = "TEST-AGE60-001";
    public const string DisabledItem = "TEST-DISABLED-001";

    public static readonly DateTimeOffset Start = new(WorkingCalendar.ToUtc(new DateTime(2026, 11, 2, 9, 0, 0)), TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    /// <summary>Replaced by a test that restarts the application on the same database.</summary>
    public LinliFactory App { get; set; } = null!;

    /// <summary>Material ids of the city-wide item: identity (免提交), application form, income proof (容缺), disability certificate (conditional).</summary>
    public long IdentityMaterial { get; private set; }
    public long FormMaterial { get; private set; }
    public long IncomeMaterial { get; private set; }
    public long DisabilityMaterial { get; private set; }

    /// <summary>A resident of <see cref="Home"/> tagged disabled (a home visit may be scheduled for them).</summary>
    public string DisabledResidentId { get; } = ResidentTestData.NewIdNumber(new DateOnly(1970, 3, 4));

    public async Task InitializeAsync()
    {
        App = new DeskFactory { TestServices = s => s.AddSingleton<TimeProvider>(Clock) };
        _ = App.Server;
        await App.CreateUserAsync("cw.village", Roles.CommunityWorker, Village);
        await App.CreateUserAsync("cw.village2", Roles.CommunityWorker, Village);
        await App.CreateUserAsync("cw.home", Roles.CommunityWorker, Home);
        await App.CreateUserAsync("cw.other", Roles.CommunityWorker, OtherCommunity);
        await App.CreateUserAsync("street.village", Roles.StreetStaff, Village[..9]);
        await App.CreateUserAsync("district.xinmin", Roles.DistrictStaff, "210181");
        await App.CreateUserAsync("district.heping", Roles.DistrictStaff, "210102");
        await App.CreateUserAsync("district.shenhe", Roles.DistrictStaff, "210103");
        await App.CreateUserAsync("dept.civil", Roles.DepartmentStaff, departmentCode: Department);
        await App.CreateUserAsync("dept.other", Roles.DepartmentStaff, departmentCode: "housing");
        await App.CreateUserAsync("resident.online", Roles.Resident);
        await SeedItemsAsync();
        var home = await App.ClientForAsync("cw.home");
        await ResidentTestData.CreateAsync(home, Home, DisabledResidentId, tags: [new { tag = "Disabled", grade = 2 }]);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The address links in messages point to (a text is read outside the site).</summary>
    public const string PublicAddress = "https://linli.shenyang.example";

    private sealed class DeskFactory : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Hosting:PublicAddress", PublicAddress + "/")];
    }

    /// <summary>A fresh resident of <see cref="Home"/>; returns the ID number.</summary>
    public async Task<string> NewResidentAsync()
    {
        var id = ResidentTestData.NewIdNumber();
        await ResidentTestData.CreateAsync(await App.ClientForAsync("cw.home"), Home, id);
        return id;
    }

    private async Task SeedItemsAsync() => await App.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<ServiceDeskDbContext>();
        var now = Start.UtcDateTime;
        ServiceItem Item(string code, bool cityWide, ItemVersionState state, bool retired = false, int? minimumAge = null, PopulationTagKind? requiredTag = null)
        {
            var version = new ServiceItemVersion
            {
                Number = 1, State = state, Name = "测试事项 " + code, DepartmentCode = Department, LegalBasis = "测试依据", Conditions = "本市居民", LegalLimitDays = 20,
                PromisedLimitDays = 10, MinimumAge = minimumAge, RequiredTag = requiredTag, Modes = HandlingModes.Window | HandlingModes.Proxy | HandlingModes.DoorToDoor | HandlingModes.Online, CityWide = cityWide,
                CommunitySteps = CommunitySteps.Receive | CommunitySteps.Accept | CommunitySteps.HandOver, NonCountingSteps = NonCountingSteps.PublicNotice,
                CreatedAt = now, PublishedAt = state == ItemVersionState.Published ? now : null,
                Materials =
                [
                    new ItemMaterial { Position = 1, Name = "居民身份证", Original = true, Supplied = SuppliedProof.Identity },
                    new ItemMaterial { Position = 2, Name = "申请表" },
                    new ItemMaterial { Position = 3, Name = "收入证明", AcceptLater = true },
                    new ItemMaterial { Position = 4, Name = "残疾人证", Mandatory = false, Condition = "申请人为残疾人时", Supplied = SuppliedProof.Disability },
                ],
            };
            var item = new ServiceItem { Code = code, Name = version.Name, CreatedAt = now, Retired = retired, Versions = [version] };
            db.ServiceItems.Add(item);
            return item;
        }
        var items = new[]
        {
            Item(CityWideItem, true, ItemVersionState.Published), Item(LocalItem, false, ItemVersionState.Published),
            Item(RetiredItem, true, ItemVersionState.Published, retired: true), Item(DraftItem, true, ItemVersionState.Draft),
            Item(ElderlyItem, true, ItemVersionState.Published, minimumAge: 60), Item(DisabledItem, true, ItemVersionState.Published, requiredTag: PopulationTagKind.Disabled),
        };
        await db.SaveChangesAsync();
        foreach (var item in items.Where(i => i.Versions[0].State == ItemVersionState.Published)) item.PublishedVersionId = item.Versions[0].Id;
        db.ItemAvailability.Add(new ItemAvailability { ItemId = items[1].Id, DistrictCode = "210102", PublishedAt = now });
        await db.SaveChangesAsync();
        var materials = items[0].Versions[0].Materials;
        (IdentityMaterial, FormMaterial, IncomeMaterial, DisabilityMaterial) = (materials[0].Id, materials[1].Id, materials[2].Id, materials[3].Id);
        return 0;
    });

    /// <summary>Receives a case at the village window for <paramref name="idNumber"/>; returns the case.</summary>
    public async Task<JsonElement> ReceiveAsync(string idNumber, string item = CityWideItem, IEnumerable<long>? received = null, string worker = "cw.village",
        string mode = "Window")
    {
        var client = await App.ClientForAsync(worker);
        var response = await client.PostAsJsonAsync("/api/service-cases", new { applicant = new { idNumber }, itemCode = item, mode, received = received ?? [FormMaterial] });
        return await response.Json(HttpStatusCode.Created);
    }
}

internal static class CaseApi
{
    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, long id, string action, object? body = null) =>
        client.PostAsJsonAsync($"/api/service-cases/{id}/{action}", body ?? new { });

    public static async Task<JsonElement> OkStepAsync(this HttpClient client, long id, string action, object? body = null) =>
        await (await client.StepAsync(id, action, body)).Json(HttpStatusCode.OK);

    public static async Task<JsonElement> GetCaseAsync(this HttpClient client, long id) =>
        await (await client.GetAsync($"/api/service-cases/{id}")).Json(HttpStatusCode.OK);

    public static string Status(this JsonElement c, long materialId) =>
        c.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("materialId").GetInt64() == materialId).GetProperty("status").GetString()!;
}
