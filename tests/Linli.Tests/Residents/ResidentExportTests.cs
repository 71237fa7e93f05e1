using System.Net;
using System.Net.Http.Json;
using Linli.Modules.Residents.Features.ExportResidents;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Ui;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

/// <summary>Resident search results as files: masked as the list shows them, in the caller's area, audited as an export.</summary>
[Collection("city2")]
public sealed class ResidentExportTests(CityFixture city)
{
    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task The_export_holds_the_searchs_residents_masked_exactly_as_the_list_shows_them(string format)
    {
        var client = await city.App.ClientForAsync("cw.a");
        var name = "导出" + Guid.NewGuid().ToString("N")[..6];
        var idNumbers = new List<string>();
        var phones = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var idNumber = NewIdNumber(new DateOnly(1950 + i, 1, 2));
            var phone = NewPhone();
            await client.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, idNumber, phone, name));
            idNumbers.Add(idNumber);
            phones.Add(phone);
        }
        var list = await (await client.PostAsJsonAsync("/api/residents/search", new { name, pageSize = 50 })).Json(HttpStatusCode.OK);
        var listed = list.GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("idNumber").GetString()!, r.GetProperty("phone").GetString()!, r.GetProperty("birthYear").GetInt32().ToString())).ToList();
        Assert.Equal(3, listed.Count);

        var file = await ExportFile.ReadAsync(await client.PostAsJsonAsync("/api/residents/export", new { name, format }));
        Assert.StartsWith("居民查询结果 · 区域：水源地社区（" + CityFixture.CommunityA + "）", file.Title);
        Assert.EndsWith("筛选：按姓名（从头匹配）", file.Title); // the name typed is not repeated
        Assert.DoesNotContain(name, file.Title);
        Assert.Equal(ResidentExport.Headers, file.Headers);
        Assert.Equal(listed, file.Rows.Select(r => (r["身份证号"], r["手机号"], r["出生年份"])));
        Assert.All(file.Rows, r => Assert.Equal(("男", "水源地社区"), (r["性别"], r["社区"])));
        // No cell holds a full number.
        var cells = file.Rows.SelectMany(r => r.Values).ToList();
        Assert.DoesNotContain(cells, c => idNumbers.Contains(c) || phones.Contains(c) || idNumbers.Any(n => c.Contains(n[6..14], StringComparison.Ordinal)));

        var supervisor = await city.App.ClientForAsync("supervisor");
        var entries = await (await supervisor.PostAsJsonAsync("/api/audit/search", new { action = "export", subjectType = "resident", userName = "cw.a", pageSize = 500 }))
            .Json(HttpStatusCode.OK);
        var entry = entries.GetProperty("items").EnumerateArray().First(e => e.GetProperty("field").GetString() == format);
        Assert.Equal((3L, "按姓名（从头匹配）", CityFixture.CommunityA), (entry.GetProperty("count").GetInt64(), entry.GetProperty("reason").GetString(), entry.GetProperty("regionCode").GetString()));
    }

    [Fact]
    public async Task The_export_keeps_to_the_callers_area()
    {
        var name = "域外" + Guid.NewGuid().ToString("N")[..6];
        var b = await city.App.ClientForAsync("cw.b");
        await b.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, NewIdNumber(), NewPhone(), name));
        var a = await city.App.ClientForAsync("cw.a");
        Assert.Empty((await ExportFile.ReadAsync(await a.PostAsJsonAsync("/api/residents/export", new { name, format = "csv" }))).Rows);
        Assert.Single((await ExportFile.ReadAsync(await b.PostAsJsonAsync("/api/residents/export", new { name, format = "csv" }))).Rows);
    }

    [Fact]
    public async Task The_search_page_exports_its_filters_through_a_post()
    {
        var name = "页导" + Guid.NewGuid().ToString("N")[..6];
        var client = await city.App.ClientForAsync("cw.a");
        await client.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, NewIdNumber(), NewPhone(), name));
        var page = await PageClient.SignedInAsync(city.App, "cw.a");
        var file = await ExportFile.ReadAsync(await page.SubmitAsync("/residents", new() { ["Name"] = name }, "/residents/export?format=xlsx"));
        Assert.Equal(name, Assert.Single(file.Rows)["姓名"]);
        // A bad filter is said on the page, not a stack trace.
        var refused = await page.SubmitAsync("/residents", new() { ["Community"] = "abc" }, "/residents/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("区划代码前缀只能是", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }
}

/// <summary>The import's template: the Chinese header row and one synthetic example row that imports as it is.</summary>
[Collection("city2")]
public sealed class ResidentTemplateTests(CityFixture city)
{
    [Fact]
    public async Task The_downloaded_template_imports_its_example_row_cleanly()
    {
        var page = await PageClient.SignedInAsync(city.App, "cw.a");
        var (_, html) = await page.GetAsync("/residents/import");
        Assert.Contains("id=\"template-csv\"", html);
        var response = await page.Http.GetAsync("/residents/import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("户编号,社区代码,网格代码,地址", lines[0]);
        Assert.Equal(2, lines.Length);

        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "template.csv");
        var summary = await (await (await city.App.ClientForAsync("cw.a")).PostAsync("/api/residents/import", form)).Json(HttpStatusCode.OK);
        Assert.Equal((1, 1), (summary.GetProperty("households").GetInt32(), summary.GetProperty("residents").GetInt32()));
    }
}
