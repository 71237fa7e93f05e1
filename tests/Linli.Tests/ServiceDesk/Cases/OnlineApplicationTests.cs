using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.CaseFiles;
using Linli.Platform.Attachments;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Residents;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.ServiceDesk.Cases.ServiceDeskApp;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>
/// 网上办 with materials over HTTP: a resident applies online with a file for a material (multipart, each file under its
/// material's position); the file is checked by its content and size, saved with the case in one transaction, marks its
/// material received, and is served to whoever may see the case and to nobody else.
/// </summary>
public sealed class OnlineApplicationTests(ServiceDeskApp desk) : IClassFixture<ServiceDeskApp>
{
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();
    private static readonly byte[] Html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();

    private static MultipartFormDataContent Application(string name, string idNumber, params (int Position, string FileName, string ClaimedType, byte[] Content)[] files)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(CityWideItem), "itemCode" },
            { new StringContent(idNumber), "applicant.idNumber" },
            { new StringContent(name), "applicant.name" },
            { new StringContent(Home), "applicant.homeCommunityCode" },
        };
        foreach (var (position, fileName, claimed, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(claimed);
            content.Add(file, $"materials[{position}]", fileName);
        }
        return content;
    }

    private static string NewName() => "网上" + Guid.NewGuid().ToString("N")[..6];

    private Task<int> CasesOfAsync(string applicantName) => desk.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().CountAsync(c => c.ApplicantName == applicantName));

    private Task<int> MaterialFilesAsync() => desk.App.WithScopeAsync(sp =>
        sp.GetRequiredService<ServiceDeskDbContext>().Set<Attachment>().CountAsync(a => a.OwnerKind == CaseMaterialFiles.Kind));

    private int StoredFiles()
    {
        using var scope = desk.App.Services.CreateScope();
        var folder = Path.Combine(scope.ServiceProvider.GetRequiredService<AttachmentStore<ServiceDeskDbContext>>().Root, CaseMaterialFiles.Kind);
        return Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
    }

    private static JsonElement Material(JsonElement c, long materialId) =>
        c.GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("materialId").GetInt64() == materialId);

    [Fact]
    public async Task An_online_application_with_a_pdf_for_a_material_marks_it_received_and_its_file_is_read_by_the_home_community_not_another()
    {
        var resident = await desk.App.ClientForAsync("resident.online");
        var response = await resident.PostAsync("/api/service-cases/online",
            Application(NewName(), ResidentTestData.NewIdNumber(), (2, "申请表.pdf", "application/octet-stream", Pdf)));

        var created = await response.Json(HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal("Online", created.GetProperty("mode").GetString());
        Assert.Equal(Home, created.GetProperty("acceptingCommunityCode").GetString());
        Assert.Equal("Received", created.Status(desk.FormMaterial));
        Assert.Equal("Missing", created.Status(desk.IncomeMaterial));
        Assert.Empty(Material(created, desk.IncomeMaterial).GetProperty("files").EnumerateArray());
        var file = Assert.Single(Material(created, desk.FormMaterial).GetProperty("files").EnumerateArray());
        Assert.Equal("application/pdf", file.GetProperty("contentType").GetString());
        var url = file.GetProperty("url").GetString()!;

        // The home community, which accepts an online case, opens it: the bytes as sent, typed by their content.
        var home = await desk.App.ClientForAsync("cw.home");
        var seen = await home.GetCaseAsync(id);
        Assert.Equal(url, Assert.Single(Material(seen, desk.FormMaterial).GetProperty("files").EnumerateArray()).GetProperty("url").GetString());
        var opened = await home.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("application/pdf", opened.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Pdf, await opened.Content.ReadAsByteArrayAsync());
        // So does the applicant; a worker of another community (of the same district, or elsewhere) finds nothing.
        Assert.Equal(HttpStatusCode.OK, (await resident.GetAsync(url)).StatusCode);
        foreach (var other in new[] { "cw.other", "cw.village" })
        {
            var client = await desk.App.ClientForAsync(other);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            var otherPage = await PageClient.SignedInAsync(desk.App, other);
            Assert.Equal(HttpStatusCode.NotFound, (await otherPage.Http.GetAsync($"/service-desk/cases/{id}?handler=File&material={desk.FormMaterial}&name=1.pdf")).StatusCode);
        }

        // The case page lists the file under its material and serves it to the home community's worker.
        var page = await PageClient.SignedInAsync(desk.App, "cw.home");
        var (status, html) = await page.GetAsync($"/service-desk/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        var link = $"/service-desk/cases/{id}?handler=File&amp;material={desk.FormMaterial}&amp;name=1.pdf";
        Assert.Contains(link, html);
        var served = await page.Http.GetAsync(WebUtility.HtmlDecode(link));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(Pdf, await served.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("text/html")]
    public async Task A_file_named_pdf_whose_content_is_html_is_a_400_naming_its_material_and_nothing_is_received(string claimed)
    {
        var resident = await desk.App.ClientForAsync("resident.online");
        var name = NewName();
        var (files, stored) = (await MaterialFilesAsync(), StoredFiles());

        var response = await resident.PostAsync("/api/service-cases/online",
            Application(name, ResidentTestData.NewIdNumber(), (3, "收入证明.pdf", "application/pdf", Pdf), (2, "申请表.pdf", claimed, Html)));

        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("PDF", problem.GetProperty("errors").GetProperty("materials[2]")[0].GetString());
        Assert.Equal(0, await CasesOfAsync(name));
        Assert.Equal((files, stored), (await MaterialFilesAsync(), StoredFiles()));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_a_problem_naming_its_material_and_nothing_is_received()
    {
        var resident = await desk.App.ClientForAsync("resident.online");
        var name = NewName();
        var (files, stored) = (await MaterialFilesAsync(), StoredFiles());
        var big = new byte[5 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);

        var response = await resident.PostAsync("/api/service-cases/online",
            Application(name, ResidentTestData.NewIdNumber(), (2, "申请表.pdf", "application/pdf", Pdf), (3, "收入证明.pdf", "application/pdf", big)));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("每个文件不能超过 5 MB。", problem.GetProperty("errors").GetProperty("materials[3]")[0].GetString());
        Assert.Equal(0, await CasesOfAsync(name));
        Assert.Equal((files, stored), (await MaterialFilesAsync(), StoredFiles()));
    }

    [Fact]
    public async Task The_same_online_application_sent_twice_under_one_idempotency_key_is_one_case_with_one_file()
    {
        var resident = await desk.App.ClientForAsync("resident.online");
        var (name, idNumber, key) = (NewName(), ResidentTestData.NewIdNumber(), Guid.NewGuid().ToString("N"));
        async Task<HttpResponseMessage> SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/service-cases/online") { Content = Application(name, idNumber, (2, "申请表.pdf", "application/pdf", Pdf)) };
            request.Headers.Add("Idempotency-Key", key);
            return await resident.SendAsync(request);
        }

        var first = await (await SendAsync()).Json(HttpStatusCode.Created);
        var again = await SendAsync();

        var repeated = await again.Json(HttpStatusCode.Created);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(first.Id(), repeated.Id());
        Assert.Equal(1, await CasesOfAsync(name));
        var owner = CaseMaterialFiles.OwnerId(first.Id(), desk.FormMaterial);
        Assert.Equal(1, await desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().Set<Attachment>()
            .CountAsync(a => a.OwnerKind == CaseMaterialFiles.Kind && a.OwnerId == owner)));
    }

    [Fact]
    public async Task A_refused_application_page_keeps_what_was_typed_and_the_file_uploaded_and_files_it_with_the_case_next_time()
    {
        var page = await PageClient.SignedInAsync(desk.App, "resident.online");
        var start = $"/service-desk/apply?District={Home[..6]}&Community={Home}&ItemCode={CityWideItem}";
        var (status, form) = await page.GetAsync(start);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("name=\"materials[2]\"", form);
        var key = RequestPages.SubmissionKeyOf(form);
        var name = NewName();
        async Task<HttpResponseMessage> PostAsync(string idNumber, bool withFile, params (string, string)[] more)
        {
            var token = await page.TokenAsync(start);
            var content = new MultipartFormDataContent
            {
                { new StringContent(Home[..6]), "District" }, { new StringContent(Home), "Community" }, { new StringContent(CityWideItem), "ItemCode" },
                { new StringContent(name), "Name" }, { new StringContent(idNumber), "IdNumber" }, { new StringContent(key), "SubmissionKey" },
                { new StringContent(token), "__RequestVerificationToken" },
            };
            foreach (var (field, value) in more) content.Add(new StringContent(value), field);
            if (withFile) content.Add(new ByteArrayContent(Pdf), "materials[2]", "申请表.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/service-desk/apply") { Content = content };
            request.Headers.Accept.ParseAdd("text/html");
            return await page.Http.SendAsync(request);
        }

        // A bad ID number: the form comes back with the message, the name as typed, and the file kept (ticked).
        var refused = await (await PostAsync("123", withFile: true)).HtmlAsync();
        Assert.Contains($"value=\"{name}\"", refused);
        Assert.Contains("name=\"KeptFiles\" value=\"2/1.pdf\" checked", refused);
        Assert.Equal(0, await CasesOfAsync(name));

        var filed = await PostAsync(ResidentTestData.NewIdNumber(), withFile: false, ("KeptFiles", "2/1.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        Assert.StartsWith("/service-desk/apply?filed=", filed.Headers.Location?.OriginalString);
        Assert.Equal(1, await CasesOfAsync(name));
        var caseId = await desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters()
            .Where(c => c.ApplicantName == name).Select(c => c.Id).SingleAsync());
        var seen = await (await desk.App.ClientForAsync("cw.home")).GetCaseAsync(caseId);
        Assert.Equal("Received", seen.Status(desk.FormMaterial));
        Assert.Single(Material(seen, desk.FormMaterial).GetProperty("files").EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_online_application_s_multipart_fields_and_each_material_s_files()
    {
        var document = await desk.App.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var body = document.GetProperty("paths").GetProperty("/api/service-cases/online").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(body.TryGetProperty("application/json", out _));
        var schema = body.GetProperty("multipart/form-data").GetProperty("schema");
        var fields = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["applicant.homeCommunityCode", "applicant.idNumber", "applicant.name", "itemCode"], fields);
        var files = Assert.Single(schema.GetProperty("patternProperties").EnumerateObject());
        Assert.Matches(files.Name, "materials[2]");
        Assert.DoesNotMatch(files.Name, "materials[x]");
        Assert.Equal("array", files.Value.GetProperty("type").GetString());
        Assert.Equal(CaseMaterialFiles.MaxPerMaterial, files.Value.GetProperty("maxItems").GetInt32());
        Assert.Equal("binary", files.Value.GetProperty("items").GetProperty("format").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
    }
}
