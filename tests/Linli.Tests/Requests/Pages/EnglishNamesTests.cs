using Linli.Modules.Requests.Data;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Pages;

/// <summary>In the English interface the shipped categories and departments have English names; in Chinese they keep theirs.</summary>
[Collection("city2")]
public sealed class EnglishNamesTests(CityFixture city)
{
    private Task<int> GasSupplyAsync() => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Categories.Where(c => c.SeedKey == "城乡建设/城市建设和市政管理/燃气供应").Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task The_ticket_page_in_english_names_the_shipped_category_and_the_departments_in_english()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await GasSupplyAsync(), description: "燃气表漏气（合成）")).Id();
        var page = await PageClient.SignedInAsync(city.App, "hotline");

        var english = (await page.GetAsync($"/requests/tickets/{id}?culture=en")).Html;
        Assert.Contains("Urban and rural construction / Urban construction and municipal management / Gas supply", english);
        Assert.Contains("Municipal Water Affairs Bureau", english);
        Assert.DoesNotContain("城市建设和市政管理", english);
        Assert.DoesNotContain("市水务局", english);

        var chinese = (await page.GetAsync($"/requests/tickets/{id}?culture=zh-CN")).Html;
        Assert.Contains("城乡建设 / 城市建设和市政管理 / 燃气供应", chinese);
        Assert.Contains("市水务局", chinese);
    }

    [Fact]
    public void Every_shipped_category_name_has_an_english_name()
    {
        var names = CategoryNames.Parse(Path.Combine(AppContext.BaseDirectory, "data", CategoryNames.EnglishFile));
        var shipped = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "request-categories-3level.csv")).Skip(1)
            .SelectMany(l => l.Split(',')).Select(n => n.Trim()).Where(n => n.Length > 0).ToHashSet();
        Assert.DoesNotContain(shipped, n => !names.ContainsKey(n));
        Assert.All(names.Values, e => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", e));
    }
}
