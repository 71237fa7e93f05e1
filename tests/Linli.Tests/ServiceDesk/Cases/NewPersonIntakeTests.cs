using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.ServiceDesk.Data;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Residents;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.ServiceDesk.Cases.ServiceDeskApp;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>
/// The applicant at 收件 over HTTP: the window's page offers a resident of the pool or a person new to it (name, checked
/// ID number, phone, home community); a new person's number that is a resident's is linked, saying nothing the worker
/// could not see; and online, the 免提交 materials the platform can supply for the applicant are supplied, the rest asked for.
/// </summary>
public sealed class NewPersonIntakeTests(ServiceDeskApp desk) : IClassFixture<ServiceDeskApp>
{
    private const string Form = "/service-desk/cases/new?ItemCode=" + CityWideItem;
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private static string S(long value) => value.ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string> NewPerson(string idNumber, string name, string phone, string home = Home) => new()
    {
        ["ItemCode"] = CityWideItem, ["Applicant"] = "NewToPool", ["IdNumber"] = idNumber, ["Name"] = name, ["Phone"] = phone, ["HomeCommunityCode"] = home,
        ["Mode"] = "Window", ["Received"] = S(desk.FormMaterial), ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
    };

    private Task<int> CountAsync() => desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().CountAsync());

    private Task<long?> LinkedResidentAsync(long caseId) => desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters()
        .Where(c => c.Id == caseId).Select(c => c.ResidentId).SingleAsync());

    private static long CaseIdOf(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        return long.Parse(Regex.Match(redirect.Headers.Location!.OriginalString, @"^/service-desk/cases/(\d+)$").Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<long> ResidentIdOfAsync(string idNumber)
    {
        var found = await (await (await desk.App.ClientForAsync("cw.home")).PostAsync("/api/residents/search",
            new StringContent(JsonSerializer.Serialize(new { idNumber }), System.Text.Encoding.UTF8, "application/json"))).Json(HttpStatusCode.OK);
        return found.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task The_window_form_offers_a_resident_of_the_pool_or_a_person_new_to_it_with_name_phone_and_home_community()
    {
        var (status, html) = await (await PageClient.SignedInAsync(desk.App, "cw.village")).GetAsync(Form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"applicant-pool\" name=\"Applicant\" value=\"Pool\" checked=\"checked\"", html);
        Assert.Contains("id=\"applicant-new\" name=\"Applicant\" value=\"NewToPool\"", html);
        Assert.Contains("id=\"Phone\" name=\"Phone\"", html);
        Assert.Contains("新入库人员（填写姓名、身份证号、电话和户籍社区）", html);
        Assert.DoesNotContain(">NewToPool<", html);
    }

    [Fact]
    public async Task A_person_new_to_the_pool_is_received_as_typed_with_the_phone_stored_sealed_and_shown_masked()
    {
        var page = await PageClient.SignedInAsync(desk.App, "cw.village");
        var (idNumber, phone) = (ResidentTestData.NewIdNumber(), ResidentTestData.NewPhone());

        var id = CaseIdOf(await page.SubmitAsync(Form, NewPerson(idNumber, "周新民", phone), "/service-desk/cases/new"));

        var seen = await (await desk.App.ClientForAsync("cw.village")).GetCaseAsync(id);
        Assert.Equal("周新民", seen.GetProperty("applicantName").GetString());
        Assert.Equal(Home, seen.GetProperty("homeCommunityCode").GetString());
        Assert.False(seen.GetProperty("applicantInPool").GetBoolean());
        Assert.Equal(phone[..3] + "****" + phone[^4..], seen.GetProperty("applicantPhoneMasked").GetString());
        Assert.DoesNotContain(phone, seen.GetRawText());
        Assert.Equal("Missing", seen.Status(desk.IdentityMaterial));
        Assert.Null(await LinkedResidentAsync(id));
        var cipher = await desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters()
            .Where(c => c.Id == id).Select(c => c.ApplicantPhoneCipher).SingleAsync());
        Assert.NotNull(cipher);
        Assert.DoesNotContain(phone, System.Text.Encoding.UTF8.GetString(cipher));
        var (_, shown) = await page.GetAsync($"/service-desk/cases/{id}");
        Assert.Contains($"<span id=\"case-phone\">{phone[..3]}****{phone[^4..]}</span>", shown);
        Assert.DoesNotContain(phone, shown);
    }

    [Theory]
    [InlineData("IdNumber")]
    [InlineData("Phone")]
    [InlineData("Name")]
    [InlineData("HomeCommunityCode")]
    public async Task A_bad_field_of_a_new_person_is_a_message_at_that_field_with_what_was_typed_kept_and_nothing_received(string field)
    {
        var page = await PageClient.SignedInAsync(desk.App, "cw.village");
        var idNumber = ResidentTestData.NewIdNumber();
        var fields = NewPerson(idNumber, "吴一凡", "13912345678");
        fields[field] = field switch
        {
            "IdNumber" => idNumber[..17] + (idNumber[17] == '0' ? '1' : '0'), // the check digit wrong
            "Phone" => "12345",
            "Name" => "",
            _ => "210102001",
        };
        var before = await CountAsync();

        var refused = await (await page.SubmitAsync(Form, fields, "/service-desk/cases/new")).HtmlAsync();

        Assert.Matches(new Regex($"data-valmsg-for=\"{field}\"[^>]*>[^<]+<"), refused);
        foreach (var value in new[] { fields["IdNumber"], fields["Name"], fields["Phone"], fields["HomeCommunityCode"] }.Where(v => v.Length > 0))
            Assert.Contains($"value=\"{value}\"", refused);
        Assert.Contains("id=\"applicant-new\" name=\"Applicant\" value=\"NewToPool\" checked=\"checked\"", refused);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Picking_a_resident_of_the_pool_by_a_number_that_is_not_in_it_is_a_message_at_the_id_number()
    {
        var page = await PageClient.SignedInAsync(desk.App, "cw.village");
        var before = await CountAsync();
        var refused = await (await page.SubmitAsync(Form, new()
        {
            ["ItemCode"] = CityWideItem, ["Applicant"] = "Pool", ["IdNumber"] = ResidentTestData.NewIdNumber(), ["Mode"] = "Window",
            ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        }, "/service-desk/cases/new")).HtmlAsync();
        Assert.Matches(new Regex("data-valmsg-for=\"IdNumber\"[^>]*>居民信息库中没有此身份证号的居民"), refused);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("Applicant", "Martian")]
    [InlineData("Mode", "Teleport")]
    [InlineData("Received", "not-a-number")]
    [InlineData("IdNumber", "<script>alert(1)</script>")]
    [InlineData("Phone", "１３９１２３４５６７８９０１２３４５６７８９０１２３４５６７８")]
    [InlineData("HomeCommunityCode", "'; DROP TABLE x; --")]
    public async Task Garbage_in_any_field_of_the_window_form_is_a_form_message_never_an_error_page(string field, string value)
    {
        var page = await PageClient.SignedInAsync(desk.App, "cw.village");
        var fields = NewPerson(ResidentTestData.NewIdNumber(), "郑好", "13912345678");
        fields[field] = value;
        var before = await CountAsync();

        var response = await page.SubmitAsync(Form, fields, "/service-desk/cases/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"intake-form\"", html);
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_new_person_whose_number_is_a_resident_outside_the_worker_s_area_is_linked_and_answered_exactly_like_a_stranger()
    {
        // The disabled resident of 水源地社区 (和平区), entered at the village window of 新民市 as new, under another name.
        var page = await PageClient.SignedInAsync(desk.App, "cw.village");
        var linked = CaseIdOf(await page.SubmitAsync(Form, NewPerson(desk.DisabledResidentId, "另一个名字", "13912345001", OtherCommunity), "/service-desk/cases/new"));
        var stranger = CaseIdOf(await page.SubmitAsync(Form, NewPerson(ResidentTestData.NewIdNumber(), "另一个名字", "13912345001", OtherCommunity), "/service-desk/cases/new"));

        Assert.Equal(await ResidentIdOfAsync(desk.DisabledResidentId), await LinkedResidentAsync(linked));
        var village = await desk.App.ClientForAsync("cw.village");
        var (a, b) = (await village.GetCaseAsync(linked), await village.GetCaseAsync(stranger));
        foreach (var c in new[] { a, b })
        {
            Assert.Equal("另一个名字", c.GetProperty("applicantName").GetString());
            Assert.Equal(OtherCommunity, c.GetProperty("homeCommunityCode").GetString());
            Assert.False(c.GetProperty("applicantInPool").GetBoolean());
            Assert.False(c.GetProperty("homeVisitEligible").GetBoolean());
        }
        // Neither the pool's identity nor the disability tag is used: the materials are what a stranger's are.
        static string Statuses(JsonElement c) => string.Join(",", c.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("status").GetString()));
        Assert.Equal(Statuses(b), Statuses(a));
        Assert.Equal("Missing", a.Status(desk.IdentityMaterial));
        Assert.Equal("NotNeeded", a.Status(desk.DisabilityMaterial));
        var (_, shown) = await page.GetAsync($"/service-desk/cases/{linked}");
        Assert.DoesNotContain("测试居民", shown);
        Assert.Contains("不在居民信息库中", shown);
    }

    [Fact]
    public async Task A_new_person_whose_number_is_a_resident_of_the_worker_s_own_community_is_received_as_that_resident()
    {
        var idNumber = await desk.NewResidentAsync();
        var page = await PageClient.SignedInAsync(desk.App, "cw.home");

        var id = CaseIdOf(await page.SubmitAsync(Form, NewPerson(idNumber, "另一个名字", "13912345002"), "/service-desk/cases/new"));

        var seen = await (await desk.App.ClientForAsync("cw.home")).GetCaseAsync(id);
        Assert.Equal("测试居民", seen.GetProperty("applicantName").GetString());
        Assert.True(seen.GetProperty("applicantInPool").GetBoolean());
        Assert.Equal("Supplied", seen.Status(desk.IdentityMaterial));
        Assert.Equal(await ResidentIdOfAsync(idNumber), await LinkedResidentAsync(id));
    }

    private static MultipartFormDataContent Online(string idNumber, string name, params (int Position, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(CityWideItem), "itemCode" }, { new StringContent(idNumber), "applicant.idNumber" },
            { new StringContent(name), "applicant.name" }, { new StringContent(Home), "applicant.homeCommunityCode" },
        };
        foreach (var (position, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, $"materials[{position}]", "材料.pdf");
        }
        return content;
    }

    [Fact]
    public async Task Online_the_pool_is_never_consulted_so_typing_another_persons_number_name_and_community_reveals_nothing_of_them()
    {
        var resident = await desk.App.ClientForAsync("resident.online");

        // A resident of the pool tagged disabled, stated exactly, and a stranger: both are asked for every material and
        // neither case says anything of the pool (an account carries no verified identity to match it by).
        var pooled = await (await resident.PostAsync("/api/service-cases/online", Online(desk.DisabledResidentId, "测试居民", (2, Pdf)))).Json(HttpStatusCode.Created);
        var stranger = await (await resident.PostAsync("/api/service-cases/online", Online(ResidentTestData.NewIdNumber(), "陌生人", (2, Pdf)))).Json(HttpStatusCode.Created);
        foreach (var c in new[] { pooled, stranger })
        {
            Assert.Equal("Missing", c.Status(desk.IdentityMaterial));
            Assert.Equal("NotNeeded", c.Status(desk.DisabilityMaterial));
            Assert.Equal("Received", c.Status(desk.FormMaterial));
            Assert.False(c.GetProperty("applicantInPool").GetBoolean());
            Assert.Null(await LinkedResidentAsync(c.Id()));
        }
        // An uploaded 免提交 material is received like any other.
        var uploaded = await (await resident.PostAsync("/api/service-cases/online", Online(desk.DisabledResidentId, "测试居民", (1, Pdf)))).Json(HttpStatusCode.Created);
        Assert.Equal("Received", uploaded.Status(desk.IdentityMaterial));
    }

    [Fact]
    public async Task The_online_form_asks_for_every_material_with_an_upload_and_promises_no_free_material()
    {
        var page = await PageClient.SignedInAsync(desk.App, "resident.online");
        var (status, html) = await page.GetAsync($"/service-desk/apply?District={Home[..6]}&Community={Home}&ItemCode={CityWideItem}");
        Assert.Equal(HttpStatusCode.OK, status);
        var identity = Regex.Match(html, "<div class=\"material\" data-position=\"1\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        var form = Regex.Match(html, "<div class=\"material\" data-position=\"2\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("name=\"materials[1]\" type=\"file\"", identity);
        Assert.Contains("name=\"materials[2]\" type=\"file\"", form);
        Assert.DoesNotContain("免提交", identity);
        Assert.DoesNotContain("<details", identity);
    }

    [Fact]
    public async Task Online_through_the_page_a_resident_of_the_pool_is_asked_for_the_identity_like_anyone_and_the_case_records_the_upload()
    {
        var page = await PageClient.SignedInAsync(desk.App, "resident.online");
        var start = $"/service-desk/apply?District={Home[..6]}&Community={Home}&ItemCode={CityWideItem}";
        var (_, html) = await page.GetAsync(start);
        var token = await page.TokenAsync(start);
        var content = new MultipartFormDataContent
        {
            { new StringContent(Home[..6]), "District" }, { new StringContent(Home), "Community" }, { new StringContent(CityWideItem), "ItemCode" },
            { new StringContent("测试居民"), "Name" }, { new StringContent(desk.DisabledResidentId), "IdNumber" },
            { new StringContent(RequestPages.SubmissionKeyOf(html)), "SubmissionKey" }, { new StringContent(token), "__RequestVerificationToken" },
        };
        content.Add(new ByteArrayContent(Pdf), "materials[2]", "申请表.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/service-desk/apply") { Content = content };
        request.Headers.Accept.ParseAdd("text/html");

        var filed = await page.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var number = Uri.UnescapeDataString(Regex.Match(filed.Headers.Location!.OriginalString, "filed=([^&]+)").Groups[1].Value);
        var caseId = await desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters()
            .Where(c => c.Number == number).Select(c => c.Id).SingleAsync());
        var seen = await (await desk.App.ClientForAsync("cw.home")).GetCaseAsync(caseId);
        Assert.Equal("Missing", seen.Status(desk.IdentityMaterial));
        Assert.Equal("Received", seen.Status(desk.FormMaterial));
        Assert.Equal("Missing", seen.Status(desk.IncomeMaterial));
        Assert.False(seen.GetProperty("applicantInPool").GetBoolean());
    }
}
