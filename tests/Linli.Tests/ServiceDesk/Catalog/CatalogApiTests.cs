using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.ServiceDesk.Catalog;

[Collection("city2")]
public sealed class CatalogApiTests(CityFixture city)
{
    private static int _next = 90000;

    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement;
    }

    private static string NewCode() => $"QT{Interlocked.Increment(ref _next):D5}001-210100";

    private static object Guide(string name, int legal = 20, int promised = 10, object[]? materials = null) => new
    {
        name, departmentCode = "civil_affairs", legalBasis = "《社会救助暂行办法》", conditions = "本市户籍居民", fee = "不收费",
        legalLimitDays = legal, promisedLimitDays = promised, modes = "Window, Proxy", cityWide = true, communitySteps = "Receive, Accept",
        nonCountingSteps = "None",
        materials = materials ?? [new { name = "居民身份证", original = true, mandatory = true, supplied = "Identity" }],
    };

    private HttpClient Anonymous() => city.App.CreateClient();

    [Fact]
    public async Task Anyone_reads_the_seeded_catalog_without_signing_in()
    {
        var page = await Json(await Anonymous().GetAsync("/api/service-items?pageSize=100"), HttpStatusCode.OK);
        Assert.True(page.GetProperty("total").GetInt64() >= 30);
        var names = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Contains("高龄津贴申领", names);
        Assert.Contains("城乡最低生活保障申请", names);

        var item = await Json(await Anonymous().GetAsync("/api/service-items/JF00101001-210100"), HttpStatusCode.OK);
        Assert.Equal("Published", item.GetProperty("state").GetString());
        Assert.Equal("市民政局", item.GetProperty("departmentName").GetString());
        Assert.True(item.GetProperty("materials").GetArrayLength() >= 3);
        Assert.Equal(13, item.GetProperty("districts").GetArrayLength());
    }

    [Fact]
    public async Task The_catalog_filters_by_text_district_mode_and_department()
    {
        var client = Anonymous();
        var byText = await Json(await client.GetAsync("/api/service-items?search=" + Uri.EscapeDataString("残疾人")), HttpStatusCode.OK);
        Assert.All(byText.GetProperty("items").EnumerateArray(), i => Assert.Contains("残疾人", i.GetProperty("name").GetString()));
        Assert.True(byText.GetProperty("total").GetInt64() >= 3);

        // 居住证 is on the lists of the central districts only; the rural reconstruction item only on the outer ones.
        var kangping = await Json(await client.GetAsync("/api/service-items?district=210123&pageSize=100"), HttpStatusCode.OK);
        var kangpingCodes = kangping.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.DoesNotContain("QR00601001-210100", kangpingCodes);
        Assert.Contains("JF00802001-210100", kangpingCodes);
        var heping = await Json(await client.GetAsync("/api/service-items?district=210102&pageSize=100"), HttpStatusCode.OK);
        var hepingCodes = heping.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Contains("QR00601001-210100", hepingCodes);
        Assert.DoesNotContain("JF00802001-210100", hepingCodes);

        var online = await Json(await client.GetAsync("/api/service-items?mode=Online&pageSize=100"), HttpStatusCode.OK);
        Assert.All(online.GetProperty("items").EnumerateArray(), i => Assert.Contains("Online", i.GetProperty("modes").GetString()));
        var justice = await Json(await client.GetAsync("/api/service-items?department=justice"), HttpStatusCode.OK);
        Assert.Equal(2, justice.GetProperty("total").GetInt64());

        var bad = await Json(await client.GetAsync("/api/service-items?district=21"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("district", out _));
    }

    [Fact]
    public async Task An_unknown_code_is_404()
    {
        await Json(await Anonymous().GetAsync("/api/service-items/JF99999001-210100"), HttpStatusCode.NotFound);
        await Json(await Anonymous().GetAsync("/api/service-items/" + new string('x', 300)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_freezes_the_version_and_republishing_keeps_the_old_row()
    {
        var admin = await city.App.ClientForAsync("admin");
        var code = NewCode();
        var created = await Json(await admin.PostAsJsonAsync("/api/service-items", new { code, name = "测试事项" }), HttpStatusCode.Created);
        Assert.Equal(1, created.GetProperty("version").GetInt32());
        Assert.Equal("Draft", created.GetProperty("state").GetString());
        // Not yet in the public catalog.
        await Json(await Anonymous().GetAsync($"/api/service-items/{code}"), HttpStatusCode.NotFound);

        await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide("测试事项第一版")), HttpStatusCode.OK);
        var first = await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.OK);
        Assert.Equal("Published", first.GetProperty("state").GetString());
        Assert.Equal(1, first.GetProperty("version").GetInt32());

        // A published version is frozen; editing the item opens draft 2 and leaves version 1 as it was.
        var frozen = await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/versions/1", Guide("改写已发布版本")), HttpStatusCode.Conflict);
        Assert.Equal("Published", frozen.GetProperty("state").GetString());
        var draft = await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide("测试事项第二版", materials:
            [new { name = "居民身份证", original = true, mandatory = true, supplied = "Identity" }, new { name = "申请书", original = true, mandatory = true }])), HttpStatusCode.OK);
        Assert.Equal(2, draft.GetProperty("version").GetInt32());
        var stillFirst = await Json(await Anonymous().GetAsync($"/api/service-items/{code}"), HttpStatusCode.OK);
        Assert.Equal("测试事项第一版", stillFirst.GetProperty("name").GetString());

        var second = await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        var now = await Json(await Anonymous().GetAsync($"/api/service-items/{code}"), HttpStatusCode.OK);
        Assert.Equal("测试事项第二版", now.GetProperty("name").GetString());
        Assert.Equal(2, now.GetProperty("materials").GetArrayLength());

        // The first version's row is kept as it was published (cases received under it keep it), now superseded.
        var old = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Linli.Modules.ServiceDesk.Data.ServiceDeskDbContext>();
            return await db.ServiceItemVersions.AsNoTracking().Include(v => v.Materials)
                .SingleAsync(v => v.Number == 1 && db.ServiceItems.Any(i => i.Id == v.ItemId && i.Code == code));
        });
        Assert.Equal("测试事项第一版", old.Name);
        Assert.Equal(Linli.Modules.ServiceDesk.Domain.ItemVersionState.Superseded, old.State);
        Assert.Single(old.Materials);

        // Nothing left to publish.
        await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Publication_answers_every_wrong_field_at_once()
    {
        var admin = await city.App.ClientForAsync("admin");
        var code = NewCode();
        await Json(await admin.PostAsJsonAsync("/api/service-items", new { code, name = "不完整的事项" }), HttpStatusCode.Created);
        await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide("不完整的事项", legal: 5, promised: 8, materials:
            [new { name = "诊断证明", mandatory = false }])), HttpStatusCode.OK);
        var problem = await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("PromisedLimitDays", out _));
        Assert.True(errors.TryGetProperty("Materials[1].Condition", out _));
        await Json(await Anonymous().GetAsync($"/api/service-items/{code}"), HttpStatusCode.NotFound);

        var empty = NewCode();
        await Json(await admin.PostAsJsonAsync("/api/service-items", new { code = empty }), HttpStatusCode.Created);
        var all = (await Json(await admin.PostAsync($"/api/service-items/{empty}/publish", null), HttpStatusCode.BadRequest)).GetProperty("errors");
        foreach (var field in new[] { "Name", "DepartmentCode", "LegalBasis", "Conditions", "LegalLimitDays", "PromisedLimitDays", "Modes", "CommunitySteps", "Materials" })
            Assert.True(all.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Bad_codes_are_refused_naming_the_field_and_a_taken_code_is_a_conflict()
    {
        var admin = await city.App.ClientForAsync("admin");
        var bad = await Json(await admin.PostAsJsonAsync("/api/service-items", new { code = "高龄津贴", name = "x" }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("Code", out _));
        await Json(await admin.PostAsJsonAsync("/api/service-items", new { code = "JF00101001-210100", name = "重复" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Html_is_stored_as_text_and_shown_escaped_and_a_10_mb_field_is_refused()
    {
        var admin = await city.App.ClientForAsync("admin");
        var code = NewCode();
        await Json(await admin.PostAsJsonAsync("/api/service-items", new { code, name = "x" }), HttpStatusCode.Created);
        const string html = "<script>alert(1)</script>居家服务";
        await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide(html)), HttpStatusCode.OK);
        var published = await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.OK);
        Assert.Equal(html, published.GetProperty("name").GetString());
        var page = await Anonymous().GetStringAsync($"/services/{code}");
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);

        var huge = await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide(new string('长', 10 * 1024 * 1024 / 3))), HttpStatusCode.BadRequest);
        Assert.True(huge.GetProperty("errors").TryGetProperty("Name", out _));
        var unchanged = await Json(await Anonymous().GetAsync($"/api/service-items/{code}"), HttpStatusCode.OK);
        Assert.Equal(html, unchanged.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Only_administrators_edit_the_catalog()
    {
        var worker = await city.App.ClientForAsync("cw.a");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/service-items", new { code = NewCode(), name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync("/api/service-items/JF00101001-210100/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync("/api/service-items/JF00101001-210100/retire", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync("/api/service-items/districts/210102", new { codes = Array.Empty<string>() })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().PutAsJsonAsync("/api/service-items/JF00101001-210100/draft", Guide("x"))).StatusCode);
        var resident = await city.App.ClientForAsync("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PutAsJsonAsync("/api/service-items/JF00101001-210100/draft", Guide("x"))).StatusCode);
    }

    [Fact]
    public async Task A_retired_item_leaves_the_catalog_and_cannot_be_edited()
    {
        var admin = await city.App.ClientForAsync("admin");
        var code = NewCode();
        await Json(await admin.PostAsJsonAsync("/api/service-items", new { code, name = "x" }), HttpStatusCode.Created);
        await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide("将停用的事项")), HttpStatusCode.OK);
        await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.OK);
        await Json(await admin.PostAsync($"/api/service-items/{code}/retire", null), HttpStatusCode.NoContent);
        await Json(await Anonymous().GetAsync($"/api/service-items/{code}"), HttpStatusCode.NotFound);
        await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide("x")), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_district_list_is_replaced_and_unknown_codes_are_named_by_place()
    {
        var admin = await city.App.ClientForAsync("admin");
        var code = NewCode();
        await Json(await admin.PostAsJsonAsync("/api/service-items", new { code, name = "x" }), HttpStatusCode.Created);
        await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide("法库县代办测试")), HttpStatusCode.OK);
        await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.OK);

        var before = await Json(await Anonymous().GetAsync("/api/service-items/districts/210124"), HttpStatusCode.OK);
        var codes = before.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        var after = await Json(await admin.PutAsJsonAsync("/api/service-items/districts/210124", new { codes = codes.Append(code) }), HttpStatusCode.OK);
        Assert.Contains(code, after.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        var listed = await Json(await Anonymous().GetAsync($"/api/service-items?district=210124&search={code}"), HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("total").GetInt64());

        var bad = await Json(await admin.PutAsJsonAsync("/api/service-items/districts/210124", new { codes = new[] { code, "JF99999001-210100" } }), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("Codes[2]", out _));
        var unchanged = await Json(await Anonymous().GetAsync("/api/service-items/districts/210124"), HttpStatusCode.OK);
        Assert.Contains(code, unchanged.GetProperty("codes").EnumerateArray().Select(c => c.GetString()));
        await Json(await admin.PutAsJsonAsync("/api/service-items/districts/999999", new { codes = Array.Empty<string>() }), HttpStatusCode.NotFound);
    }

    private async Task<List<JsonElement>> AuditAsync(string subjectType, string subjectId)
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?subjectType={subjectType}&subjectId={Uri.EscapeDataString(subjectId)}");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Publishing_and_retiring_an_item_and_changing_a_district_list_are_audited_with_who_and_what()
    {
        var admin = await city.App.ClientForAsync("admin");
        var code = NewCode();
        await Json(await admin.PostAsJsonAsync("/api/service-items", new { code, name = "x" }), HttpStatusCode.Created);
        await Json(await admin.PutAsJsonAsync($"/api/service-items/{code}/draft", Guide("审计测试事项")), HttpStatusCode.OK);
        // A draft is no change to what residents see: not audited until it is published.
        Assert.Empty(await AuditAsync("service-item", code));
        await Json(await admin.PostAsync($"/api/service-items/{code}/publish", null), HttpStatusCode.OK);
        var before = await Json(await Anonymous().GetAsync("/api/service-items/districts/210123"), HttpStatusCode.OK);
        var codes = before.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        await Json(await admin.PutAsJsonAsync("/api/service-items/districts/210123", new { codes = codes.Append(code) }), HttpStatusCode.OK);
        await Json(await admin.PutAsJsonAsync("/api/service-items/districts/210123", new { codes }), HttpStatusCode.OK);
        await Json(await admin.PostAsync($"/api/service-items/{code}/retire", null), HttpStatusCode.NoContent);

        var item = await AuditAsync("service-item", code);
        Assert.Equal(["published", "retired"], item.Select(e => e.GetProperty("field").GetString()).Order(StringComparer.Ordinal));
        Assert.All(item, e => Assert.Equal("service-item-changed", e.GetProperty("action").GetString()));
        Assert.All(item, e => Assert.Equal("admin", e.GetProperty("userName").GetString()));
        var district = (await AuditAsync("district-items", "210123")).Where(e => e.GetProperty("reason").GetString()!.Contains(code, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, district.Count);
        Assert.Contains(district, e => e.GetProperty("reason").GetString()!.StartsWith($"新增 {code}", StringComparison.Ordinal));
        Assert.Contains(district, e => e.GetProperty("reason").GetString()!.EndsWith($"移除 {code}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_public_pages_show_the_catalog_an_item_with_its_materials_and_a_print_view()
    {
        var client = Anonymous();
        var index = await client.GetStringAsync("/services?District=210102");
        Assert.Contains("高龄津贴申领", index);
        var item = await client.GetStringAsync("/services/JF00101001-210100");
        Assert.Contains("申请人居民身份证", item);
        Assert.Contains("平台核验", item);
        var print = await client.GetStringAsync("/services/JF00101001-210100/print");
        Assert.Contains("☐", print);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/services/JF99999001-210100")).StatusCode);
    }
}
