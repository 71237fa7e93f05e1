using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;

namespace Linli.Tests.ServiceDesk.Catalog;

[Collection("city2")]
public sealed class CatalogPageTests(CityFixture city)
{
    private static int _next = 95000;

    private static (string, string)[] Form(string name, int legal, int promised, string condition) =>
    [
        ("Name", name), ("DepartmentCode", "civil_affairs"), ("LegalBasis", "《社会救助暂行办法》"), ("Conditions", "本市户籍居民"), ("Fee", "不收费"),
        ("LegalLimitDays", legal.ToString()), ("PromisedLimitDays", promised.ToString()), ("Modes", "Window"), ("Modes", "Proxy"),
        ("Steps", "Receive"), ("Steps", "Accept"),
        ("Materials[0].Name", "居民身份证"), ("Materials[0].Original", "true"), ("Materials[0].Mandatory", "true"), ("Materials[0].Mandatory", "false"),
        ("Materials[0].Copies", "1"), ("Materials[0].Supplied", "Identity"),
        ("Materials[1].Name", "诊断证明"), ("Materials[1].Mandatory", "false"), ("Materials[1].Copies", "1"), ("Materials[1].Condition", condition),
        ("Materials[1].Supplied", "None"),
        ("Materials[2].Name", ""), ("Materials[2].Mandatory", "false"), ("Materials[2].Copies", "1"), ("Materials[2].Supplied", "None"),
    ];

    [Fact]
    public async Task An_administrator_creates_an_item_sees_every_publication_error_and_publishes_it_in_the_pages()
    {
        var admin = await PageClient.SignedInAsync(city.App, "admin");
        var code = $"QT{Interlocked.Increment(ref _next):D5}001-210100";
        var created = await admin.PostAsync("/services/admin", "/services/admin?handler=Create", ("Code", code), ("Name", "页面测试事项"));
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, await created.Content.ReadAsStringAsync());
        Assert.Equal($"/services/admin/items/{code}", created.Headers.Location?.OriginalString);
        var edit = $"/services/admin/items/{code}";

        // Promised beyond the legal limit and a conditional material without its condition: both named, the typed form kept.
        var refused = await (await admin.PostAsync(edit, $"{edit}?handler=Publish", Form("页面测试事项", 5, 8, ""))).HtmlAsync();
        Assert.Contains("data-field=\"PromisedLimitDays\"", refused);
        Assert.Contains("data-field=\"Materials[2].Condition\"", refused);
        Assert.Contains("第 2 项材料 · 条件说明", refused);
        Assert.Contains("value=\"诊断证明\"", refused);
        Assert.Equal(HttpStatusCode.NotFound, (await PageClient.Anonymous(city.App).GetAsync($"/services/{code}")).Status);

        var published = await admin.PostAsync(edit, $"{edit}?handler=Publish", Form("页面测试事项", 10, 5, "患重大疾病时提供"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var (status, page) = await PageClient.Anonymous(city.App).GetAsync($"/services/{code}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("患重大疾病时提供", page);
        Assert.Contains("身份信息（平台核验）", page);
        // The blank row was not saved; the unchecked 必要 made the second material conditional.
        Assert.Contains("视情况", page);
        Assert.DoesNotContain("data-position=\"3\"", page);
    }

    [Fact]
    public async Task The_administrator_pages_are_closed_to_other_roles()
    {
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        foreach (var page in new[] { "/services/admin", "/services/admin/districts", "/services/admin/items/JF00101001-210100" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.Accept.ParseAdd("text/html");
            var denied = await worker.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString);
        }
        var (status, html) = await worker.GetAsync("/services");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("高龄津贴申领", html);
    }

    [Fact]
    public async Task The_district_page_lists_the_catalog_with_the_district_choices_ticked()
    {
        var admin = await PageClient.SignedInAsync(city.App, "admin");
        var (status, html) = await admin.GetAsync("/services/admin/districts?district=210123");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches("value=\"JF00802001-210100\" checked", html);
        Assert.DoesNotMatch("value=\"QR00601001-210100\" checked", html);
    }
}
