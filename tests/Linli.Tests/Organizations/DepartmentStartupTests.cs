using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Platform;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Organizations;

/// <summary>Departments are reference data: there after the first start, never doubled or overwritten by a later one.</summary>
public sealed class DepartmentStartupTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new();

    private static readonly string[] Expected =
    [
        "civil_affairs", "disabled_persons", "education", "emergency", "environment", "gas", "health", "heating", "housing", "human_resources",
        "justice", "market_regulation", "medical_security", "police", "power", "transport", "urban_management", "water",
    ];

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<string>> CodesAsync() =>
        _app.WithScopeAsync(sp => sp.GetRequiredService<OrganizationsDbContext>().Departments.OrderBy(d => d.Code).Select(d => d.Code).ToListAsync());

    [Fact]
    public async Task The_first_start_creates_the_catalogue_departments_without_any_demo_data()
    {
        Assert.Equal(Expected, await CodesAsync());
        var water = await _app.WithScopeAsync(sp => sp.GetRequiredService<IDepartmentDirectory>().FindAsync("water"));
        Assert.Equal(new DepartmentInfo("water", "市水务局", DepartmentKind.Government, true), water);
    }

    [Fact]
    public async Task Starting_again_adds_no_duplicates_and_keeps_an_administrators_changes()
    {
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationsDbContext>();
            var power = await db.Departments.SingleAsync(d => d.Code == "power");
            power.Name = "市电力公司（改名）";
            power.IsActive = false;
            db.Departments.Remove(await db.Departments.SingleAsync(d => d.Code == "gas"));
            return await db.SaveChangesAsync();
        });

        await _app.Services.PrepareAsync();
        await _app.Services.PrepareAsync();

        Assert.Equal(Expected, await CodesAsync());
        var directory = await _app.WithScopeAsync(async sp =>
        {
            var departments = sp.GetRequiredService<IDepartmentDirectory>();
            return (Active: await departments.ListAsync(), All: await departments.ListAsync(includeInactive: true));
        });
        Assert.Equal(Expected.Length, directory.All.Count);
        Assert.Equal(Expected.Length - 1, directory.Active.Count);
        Assert.Equal("市电力公司（改名）", directory.All.Single(d => d.Code == "power").Name);
        Assert.Contains(directory.Active, d => d.Code == "gas");
    }
}
