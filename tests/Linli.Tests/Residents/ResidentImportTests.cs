using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using MiniExcelLibs;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

[Collection("city")]
public sealed class ResidentImportTests(CityFixture city)
{
    private const string Header = "household_ref,community_code,grid_code,address,building,unit,room,name,id_number,gender,birth_date,phone,relation,registered_address,actual_address,tags";

    private static string Row(string household, string community, string idNumber, string relation = "户主", string tags = "", string name = "导入居民", string phone = "", string gender = "", string grid = "") =>
        $"{household},{community},{grid},导入路8号,3,1,502,{name},{idNumber},{gender},,{phone},{relation},,,{tags}";

    private static MultipartFormDataContent File(byte[] content, string fileName, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, field, fileName);
        return form;
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n");

    private async Task<HttpResponseMessage> ImportAsync(string user, byte[] content, string fileName)
    {
        var client = await city.App.ClientForAsync(user);
        return await client.PostAsync("/api/residents/import", File(content, fileName));
    }

    [Fact]
    public async Task A_good_csv_file_imports_every_row()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => NewIdNumber()).ToArray();
        var child = NewIdNumber(new DateOnly(2016, 4, 1), male: false);
        var csv = Csv(
            Row("H1", CityFixture.CommunityA, ids[0], tags: "残疾:2;低保@2021-03-01", phone: "13912345678", gender: "男"),
            Row("H1", CityFixture.CommunityA, ids[1], relation: "配偶"),
            Row("H1", CityFixture.CommunityA, child, relation: "子女", gender: "女", tags: "留守儿童"),
            Row("H2", CityFixture.CommunityA, ids[2], name: "\"独居, 老人\""));

        var response = await ImportAsync("cw.a", csv, "residents.csv");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, summary.GetProperty("households").GetInt32());
        Assert.Equal(4, summary.GetProperty("residents").GetInt32());

        var client = await city.App.ClientForAsync("cw.a");
        foreach (var id in ids.Append(child)) Assert.Equal(1, await CountByIdNumberAsync(client, id));
        var found = await client.PostAsJsonAsync("/api/residents/search", new { idNumber = ids[0] });
        var head = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/residents/{head.GetProperty("id").GetInt64()}");
        Assert.Equal("Head", details.GetProperty("relationToHead").GetString());
        Assert.Equal("139****5678", details.GetProperty("phone").GetString());
        var disabled = Assert.Single(details.GetProperty("tags").EnumerateArray(), t => t.GetProperty("tag").GetString() == "Disabled");
        Assert.Equal(2, disabled.GetProperty("grade").GetInt32());
        var dibao = Assert.Single(details.GetProperty("tags").EnumerateArray(), t => t.GetProperty("tag").GetString() == "Dibao");
        Assert.Equal("2021-03-01", dibao.GetProperty("startDate").GetString());
        var household = await client.GetFromJsonAsync<JsonElement>($"/api/residents/households/{details.GetProperty("household").GetProperty("id").GetInt64()}");
        Assert.Equal(3, household.GetProperty("members").GetArrayLength());
        Assert.Equal("导入路8号", household.GetProperty("household").GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_good_xlsx_file_imports_every_row()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => NewIdNumber()).ToArray();
        var rows = ids.Select((id, i) => new Dictionary<string, object?>
        {
            ["户编号"] = i < 2 ? "X1" : "X2", // Chinese column names are accepted too
            ["社区代码"] = CityFixture.CommunityA,
            ["地址"] = "表格路5号",
            ["姓名"] = $"表格居民{i}",
            ["身份证号"] = id,
            ["电话"] = NewPhone(),
            ["与户主关系"] = i == 1 ? "配偶" : "户主",
            ["人群标签"] = i == 0 ? "退役军人" : "",
        }).ToList();
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, excelType: ExcelType.XLSX);

        var response = await ImportAsync("cw.a", stream.ToArray(), "residents.xlsx");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, summary.GetProperty("households").GetInt32());
        Assert.Equal(3, summary.GetProperty("residents").GetInt32());
        var client = await city.App.ClientForAsync("cw.a");
        foreach (var id in ids) Assert.Equal(1, await CountByIdNumberAsync(client, id));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_the_report_names_the_row_and_field()
    {
        var good = new[] { NewIdNumber(), NewIdNumber() };
        var bad = NewIdNumber()[..17] + "Y";
        var csv = Csv(
            Row("H1", CityFixture.CommunityA, good[0]),
            Row("H2", CityFixture.CommunityA, good[1]),
            Row("H3", CityFixture.CommunityA, bad));

        var response = await ImportAsync("cw.a", csv, "residents.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Equal(["rows[4].id_number"], errors.EnumerateObject().Select(e => e.Name).ToArray()); // header = row 1
        var rowError = Assert.Single(problem.GetProperty("rowErrors").EnumerateArray());
        Assert.Equal(4, rowError.GetProperty("row").GetInt32());
        Assert.Equal("id_number", rowError.GetProperty("field").GetString());
        Assert.DoesNotContain(bad, problem.ToString()); // the report names the place, not the number

        var client = await city.App.ClientForAsync("cw.a");
        foreach (var id in good) Assert.Equal(0, await CountByIdNumberAsync(client, id));
    }

    [Fact]
    public async Task An_xlsx_report_counts_rows_as_excel_shows_them()
    {
        var good = NewIdNumber();
        static Dictionary<string, object?> Person(string household, string? id) => new()
        {
            ["household_ref"] = household, ["community_code"] = id is null ? null : CityFixture.CommunityA,
            ["address"] = id is null ? null : "表格路6号", ["name"] = id is null ? null : "表格居民", ["id_number"] = id,
        };
        // Row 1 header, row 2 good, row 3 blank, row 4 an ID number with a wrong check character.
        var rows = new List<Dictionary<string, object?>> { Person("X1", good), Person("", null), Person("X2", good[..17] + (good[17] == '0' ? "1" : "0")) };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, excelType: ExcelType.XLSX);

        var response = await ImportAsync("cw.a", stream.ToArray(), "residents.xlsx");
        Assert.Equal(["rows[4].id_number"], await ErrorKeysAsync(response));
        Assert.Equal(0, await CountByIdNumberAsync(await city.App.ClientForAsync("cw.a"), good));
    }

    [Fact]
    public async Task Rows_outside_the_area_with_unknown_codes_or_duplicate_numbers_are_each_reported()
    {
        var existing = NewIdNumber();
        await CreateAsync(await city.App.ClientForAsync("cw.a"), CityFixture.CommunityA, existing);
        var twice = NewIdNumber();
        var fine = NewIdNumber();
        var csv = Csv(
            Row("H1", CityFixture.CommunityA, fine),                      // row 2: good
            Row("H2", CityFixture.CommunityB, NewIdNumber()),             // row 3: another community's
            Row("H3", "210102999999", NewIdNumber()),                     // row 4: no such community
            Row("H4", CityFixture.CommunityA, existing),                  // row 5: already registered
            Row("H5", CityFixture.CommunityA, twice),                     // row 6: good by itself …
            Row("H6", CityFixture.CommunityA, twice),                     // row 7: … but twice in the file
            Row("H7", CityFixture.CommunityA, NewIdNumber(), grid: CityFixture.CommunityB + "001"), // row 8: grid of another community
            Row("H8", CityFixture.CommunityA, NewIdNumber(male: true), gender: "女"),               // row 9: sex contradicts the number
            Row("H9", CityFixture.CommunityA, NewIdNumber(), tags: "残疾:7"),                        // row 10: no such grade
            Row("H1", CityFixture.CommunityA, NewIdNumber()));            // row 11: a second head of H1

        var response = await ImportAsync("cw.a", csv, "residents.csv");
        var keys = (await ErrorKeysAsync(response)).ToHashSet();
        Assert.Equal(new HashSet<string>
        {
            "rows[3].community_code", "rows[4].community_code", "rows[5].id_number", "rows[7].id_number",
            "rows[8].grid_code", "rows[9].gender", "rows[10].tags", "rows[11].relation",
        }, keys);
        Assert.Equal(0, await CountByIdNumberAsync(await city.App.ClientForAsync("supervisor"), fine));
    }

    [Fact]
    public async Task A_file_without_the_required_columns_is_refused_as_a_whole()
    {
        var response = await ImportAsync("cw.a", Encoding.UTF8.GetBytes("name,phone\r\n张三,13800138000\r\n"), "people.csv");
        var keys = await ErrorKeysAsync(response);
        Assert.Contains("rows[1].household_ref", keys); // the header row lacks them
        Assert.Contains("rows[1].id_number", keys);
    }

    [Fact]
    public async Task A_file_without_a_header_row_is_refused_without_echoing_its_personal_data()
    {
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        var csv = $"H1,{CityFixture.CommunityA},,样例路1号,1,1,101,王某,{idNumber},男,1980-01-01,{phone},户主,,,\r\n";
        var response = await ImportAsync("cw.a", Encoding.UTF8.GetBytes(csv), "people.csv");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("第一行应为列名", System.Text.RegularExpressions.Regex.Unescape(body));
        Assert.DoesNotContain(idNumber, body);
        Assert.DoesNotContain(phone, body);
    }

    [Fact]
    public async Task A_corrupt_xlsx_file_is_a_file_error_not_a_server_error()
    {
        var corrupt = new byte[] { (byte)'P', (byte)'K', 3, 4 }.Concat(Enumerable.Repeat((byte)0x5A, 2000)).ToArray();
        var response = await ImportAsync("cw.a", corrupt, "people.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("file", await ErrorKeysAsync(response));
    }

    [Fact]
    public async Task A_csv_saved_by_chinese_excel_in_gb18030_is_read()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var id = NewIdNumber();
        var text = string.Join("\r\n", Header, Row("G1", CityFixture.CommunityA, id, name: "国标编码")) + "\r\n";
        var response = await ImportAsync("cw.a", Encoding.GetEncoding("GB18030").GetBytes(text), "gbk.csv");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var client = await city.App.ClientForAsync("cw.a");
        var found = await client.PostAsJsonAsync("/api/residents/search", new { idNumber = id });
        Assert.Equal("国标编码", (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Only_roles_with_the_import_permission_may_import()
    {
        var response = await ImportAsync("supervisor", Csv(Row("H1", CityFixture.CommunityA, NewIdNumber())), "residents.csv");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_import_page_documents_the_columns_and_imports_a_posted_file()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var page = await TextAsync(await client.GetAsync("/residents/import"));
        foreach (var column in Header.Split(',')) Assert.Contains(column, page);
        Assert.Contains("enctype=\"multipart/form-data\"", page);

        var id = NewIdNumber();
        var token = await AntiforgeryTokenAsync(client, "/residents/import");
        var form = File(Csv(Row("P1", CityFixture.CommunityA, id)), "residents.csv", field: "Upload");
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var response = await client.PostAsync("/residents/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已导入 1 户、1 人", await TextAsync(response));
        Assert.Equal(1, await CountByIdNumberAsync(client, id));

        var bad = File(Csv(Row("P2", CityFixture.CommunityA, "123")), "residents.csv", field: "Upload");
        bad.Add(new StringContent(token), "__RequestVerificationToken");
        var report = await TextAsync(await client.PostAsync("/residents/import", bad));
        Assert.Contains("文件未导入", report);
        Assert.Contains("id_number", report);
    }
}
