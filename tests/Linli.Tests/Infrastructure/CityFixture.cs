using Linli.Platform.Auth;
using Linli.Platform.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// One application with a small synthetic city (seed 7, scale <see cref="Scale"/>) and one account per role, shared by
/// the test classes of the "city" collection, and another such application for the "city2" collection: the city's tests
/// run one after another within a collection, and in one collection they were the run's longest chain by far. Tests
/// may add records but never change or delete the seeded ones.
/// </summary>
public sealed class CityFixture : IAsyncLifetime
{
    public const double Scale = 0.002;
    public const int Seed = 7;

    /// <summary>Two urban communities in different streets of 和平区, for scope tests.</summary>
    public const string CommunityA = "210102001002";
    public const string CommunityB = "210102002001";

    public LinliFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        _ = App.Server; // starts the host: migrations and region import
        await App.WithScopeAsync(async sp =>
            await sp.GetRequiredService<CitySeedRunner>().RunAsync(new CitySeedOptions(Scale, Seed)));
        await App.CreateUserAsync("cw.a", Roles.CommunityWorker, CommunityA);
        await App.CreateUserAsync("cw.b", Roles.CommunityWorker, CommunityB);
        await App.CreateUserAsync("street.a", Roles.StreetStaff, CommunityA[..9]);
        await App.CreateUserAsync("district.heping", Roles.DistrictStaff, "210102");
        await App.CreateUserAsync("supervisor", Roles.Supervisor, "2101");
        await App.CreateUserAsync("admin", Roles.Administrator, "2101");
        await App.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await App.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
        await App.CreateUserAsync("resident", Roles.Resident);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

[CollectionDefinition("city")]
public sealed class CityCollection : ICollectionFixture<CityFixture>;

/// <summary>The second half of the city's test classes, on a city of its own (the same seed), run beside the first.</summary>
[CollectionDefinition("city2")]
public sealed class SecondCityCollection : ICollectionFixture<CityFixture>;
