using Linli.Modules.Requests.Data;
using Linli.Platform;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>The category tree and its default rules are reference data: there after the first start, never doubled or overwritten.</summary>
public sealed class CategoryStartupTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<T> Db<T>(Func<RequestsDbContext, Task<T>> use) => _app.WithScopeAsync(sp => use(sp.GetRequiredService<RequestsDbContext>()));

    [Fact]
    public async Task The_first_start_seeds_fifteen_classes_and_517_leaves_each_with_one_current_rule()
    {
        Assert.Equal(15, await Db(db => db.Categories.CountAsync(c => c.Level == 1)));
        Assert.Equal(517, await Db(db => db.Categories.CountAsync(c => c.Level == 3)));
        Assert.Equal(517, await Db(db => db.RoutingRules.CountAsync(r => r.IsCurrent && r.Version == 1)));
        Assert.Equal(517, await Db(db => db.RoutingRules.Select(r => r.CategoryId).Distinct().CountAsync()));
    }

    [Theory]
    [InlineData("城乡建设/城市建设和市政管理/燃气供应", "gas")]
    [InlineData("城乡建设/城市建设和市政管理/电力供应", "power")]
    [InlineData("城乡建设/城市建设和市政管理/自来水供应", "water")]
    [InlineData("城乡建设/城市建设和市政管理/冬季采暖", "heating")]
    [InlineData("城乡建设/安全生产/安全隐患", "emergency")]
    [InlineData("城乡建设/城市建设和市政管理/环境卫生", "urban_management")]
    public async Task Default_rules_send_a_leaf_to_the_department_its_name_points_at(string seedKey, string department)
    {
        var rule = await Db(db => (from c in db.Categories
                                   join r in db.RoutingRules on c.Id equals r.CategoryId
                                   where c.SeedKey == seedKey && r.IsCurrent
                                   select r).SingleAsync());
        Assert.Equal(department, rule.DepartmentCode);
        Assert.True(rule.SignHoursUrgent <= rule.SignHoursNormal);
        Assert.True(rule.FinishDaysUrgent <= rule.FinishDaysNormal);
        Assert.Equal(200, rule.DuplicateRadiusMeters);
    }

    [Fact]
    public async Task Leaves_whose_names_point_at_no_department_go_to_the_community()
    {
        var toCommunity = await Db(db => (from c in db.Categories
                                          join r in db.RoutingRules on c.Id equals r.CategoryId
                                          where c.SeedKey!.StartsWith("党务政务/") && r.IsCurrent
                                          select r.DepartmentCode).ToListAsync());
        Assert.NotEmpty(toCommunity);
        Assert.Contains(null, toCommunity);
    }

    [Fact]
    public async Task Starting_again_adds_nothing_and_keeps_an_administrators_changes()
    {
        await Db(async db =>
        {
            var gas = await db.Categories.SingleAsync(c => c.SeedKey == "城乡建设/城市建设和市政管理/燃气供应");
            gas.Name = "燃气（改名）";
            gas.IsRetired = true;
            return await db.SaveChangesAsync();
        });

        await _app.Services.PrepareAsync();
        await _app.Services.PrepareAsync();

        Assert.Equal(15 + 118 + 517, await Db(db => db.Categories.CountAsync()));
        Assert.Equal(517, await Db(db => db.RoutingRules.CountAsync()));
        var gasNow = await Db(db => db.Categories.SingleAsync(c => c.SeedKey == "城乡建设/城市建设和市政管理/燃气供应"));
        Assert.Equal("燃气（改名）", gasNow.Name);
        Assert.True(gasNow.IsRetired);
    }
}
