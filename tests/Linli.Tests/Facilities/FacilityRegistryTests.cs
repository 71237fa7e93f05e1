using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Linli.Modules.Facilities.Data;
using Linli.Platform.Audit;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Facilities;

/// <summary>The registry's create, edit, close and import through the API, on records the tests add (the seeded ones stay as they are).</summary>
[Collection("city")]
public sealed class FacilityRegistryTests(CityFixture city)
{
    private async Task<(double Lon, double Lat)> PointInAsync(string community)
    {
        var client = await city.App.ClientForAsync("supervisor");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?region={community}&type=PartyMassServiceCentre");
        var centre = page.GetProperty("items")[0];
        return (centre.GetProperty("longitude").GetDouble(), centre.GetProperty("latitude").GetDouble());
    }

    private async Task<object> BodyAsync(string community, string name, double floorArea = 320, double? serviceArea = 260)
    {
        var (lon, lat) = await PointInAsync(community);
        return new
        {
            type = "DayCareCentre", name, communityCode = community, address = "和平区测试路 1 号", longitude = lon, latitude = lat,
            floorArea, serviceArea, weeklyHours = "08:00-17:00;08:00-17:00;08:00-17:00;08:00-17:00;08:00-17:00;09:00-12:00;", capacity = 40,
            @operator = "测试社会组织", openedOn = "2024-03-01",
        };
    }

    [Fact]
    public async Task A_community_worker_registers_edits_and_closes_a_facility_of_their_community_each_audited()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var created = await client.PostAsJsonAsync("/api/facilities", await BodyAsync(CityFixture.CommunityA, "测试日间照料中心 CRUD"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal("日间照料中心", body.GetProperty("typeName").GetString());
        Assert.Equal("Places", body.GetProperty("capacityUnit").GetString());
        // Five days of 9 hours and a Saturday of 3: the mean of the six open days.
        Assert.Equal(8.0, body.GetProperty("openingHoursPerDay").GetDouble(), 2);

        var got = await client.GetFromJsonAsync<JsonElement>($"/api/facilities/{id}");
        Assert.Equal("测试社会组织", got.GetProperty("operator").GetString());
        Assert.Equal("和平区测试路 1 号", got.GetProperty("address").GetString());

        var edited = await client.PutAsJsonAsync($"/api/facilities/{id}", await BodyAsync(CityFixture.CommunityA, "测试日间照料中心 CRUD 改", 400, 350));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(400, (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("floorArea").GetDouble());

        var closed = await client.PostAsJsonAsync($"/api/facilities/{id}/close", new { closedOn = "2025-01-01", reason = "迁址" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var again = await client.PostAsJsonAsync($"/api/facilities/{id}/close", new { closedOn = "2025-01-02" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var fields = await city.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .Where(e => e.SubjectType == AuditSubjects.Facility && e.SubjectId == id.ToString() && e.Action == AuditActions.FacilityChanged)
            .Select(e => e.Field).ToListAsync());
        Assert.Equal(["closed", "created", "edited"], fields.Order());
    }

    [Fact]
    public async Task A_facility_with_bad_fields_is_a_400_naming_each_field()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var response = await client.PostAsJsonAsync("/api/facilities", new
        {
            type = "DayCareCentre", name = "", communityCode = CityFixture.CommunityA, longitude = 123.4, latitude = 41.8, floorArea = 100, serviceArea = 150,
            weeklyHours = "9-5", openedOn = "2099-01-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "name", "serviceArea", "weeklyHours", "openedOn" }) Assert.True(errors.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task A_point_outside_the_communitys_district_is_refused_naming_longitude()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var body = new { type = "DayCareCentre", name = "测试 远处", communityCode = CityFixture.CommunityA, longitude = 116.4, latitude = 39.9, openedOn = "2024-01-01" };
        var response = await client.PostAsJsonAsync("/api/facilities", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("longitude", out _));
    }

    [Fact]
    public async Task A_community_worker_cannot_register_or_edit_another_communitys_facilities()
    {
        var own = await city.App.ClientForAsync("cw.a");
        var other = await city.App.ClientForAsync("cw.b");
        var created = await own.PostAsJsonAsync("/api/facilities", await BodyAsync(CityFixture.CommunityA, "测试 辖区"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var register = await other.PostAsJsonAsync("/api/facilities", await BodyAsync(CityFixture.CommunityA, "测试 越权新建"));
        var edit = await other.PutAsJsonAsync($"/api/facilities/{id}", await BodyAsync(CityFixture.CommunityB, "测试 越权修改"));
        var close = await other.PostAsJsonAsync($"/api/facilities/{id}/close", new { closedOn = "2025-01-01" });

        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, close.StatusCode);
        var stored = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities.SingleAsync(f => f.Id == id));
        Assert.Equal("测试 辖区", stored.Name);
        Assert.Null(stored.ClosedOn);
        Assert.True(await city.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .AnyAsync(e => e.Action == AuditActions.OutOfScope && e.SubjectType == AuditSubjects.Facility && e.SubjectId == id.ToString())));
    }

    [Fact]
    public async Task A_resident_cannot_register_facilities()
    {
        var client = await city.App.ClientForAsync("resident");
        var response = await client.PostAsJsonAsync("/api/facilities", await BodyAsync(CityFixture.CommunityA, "测试 居民"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_text_and_status_and_exports_as_csv()
    {
        var client = await city.App.ClientForAsync("cw.a");
        await client.PostAsJsonAsync("/api/facilities", await BodyAsync(CityFixture.CommunityA, "测试 过滤用鹦鹉站"));

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?q={Uri.EscapeDataString("鹦鹉")}");
        var closed = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?q={Uri.EscapeDataString("鹦鹉")}&status=closed");
        var export = await client.GetAsync($"/api/facilities/export?format=csv&q={Uri.EscapeDataString("鹦鹉")}");

        Assert.Equal(1, found.GetProperty("total").GetInt64());
        Assert.Equal(0, closed.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains("测试 过滤用鹦鹉站", Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/facilities?status=sleeping")).StatusCode);
    }

    private static MultipartFormDataContent File(string csv, string name = "facilities.csv")
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name);
        return content;
    }

    [Fact]
    public async Task A_good_file_imports_every_row()
    {
        var (lon, lat) = await PointInAsync(CityFixture.CommunityA);
        var csv = "设施类型,名称,社区代码,经度,纬度,建筑面积,开放时间,开放日期\n"
                  + $"助餐点导入,测试导入甲,{CityFixture.CommunityA},{lon},{lat},80,10:30-13:30,2023-05-01\n".Replace("助餐点导入", "老年助餐点")
                  + $"fitness-site,测试导入乙,{CityFixture.CommunityA},{lon},{lat},500,24h,2022-01-01\n";
        var client = await city.App.ClientForAsync("cw.a");

        var response = await client.PostAsync("/api/facilities/import", File(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());
        Assert.Equal(2, await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities.CountAsync(f => f.Name.StartsWith("测试导入"))));
    }

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_the_report_names_row_and_field()
    {
        var (lon, lat) = await PointInAsync(CityFixture.CommunityA);
        var csv = "type,name,community_code,longitude,latitude,floor_area,opened_on\n"
                  + $"culture-centre,测试坏文件甲,{CityFixture.CommunityA},{lon},{lat},300,2023-05-01\n"
                  + $"culture-centre,测试坏文件乙,{CityFixture.CommunityA},{lon},{lat},很大,2023-05-01\n"
                  + $"culture-centre,测试坏文件丙,{CityFixture.CommunityB},{lon},{lat},300,2023-05-01\n";
        var client = await city.App.ClientForAsync("cw.a");

        var response = await client.PostAsync("/api/facilities/import", File(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[3].floor_area", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("rows[4].community_code", out _));
        Assert.False(problem.GetProperty("errors").TryGetProperty("rows[2].floor_area", out _));
        Assert.Equal(0, await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities.CountAsync(f => f.Name.StartsWith("测试坏文件"))));
    }

    [Fact]
    public async Task The_standards_list_each_community_with_rule_threshold_value_and_gap()
    {
        var client = await city.App.ClientForAsync("district.heping");
        var body = await client.GetFromJsonAsync<JsonElement>("/api/facilities/standards?region=210102&pageSize=500");
        var below = await client.GetFromJsonAsync<JsonElement>("/api/facilities/standards/below?region=210102&rule=centre-area&pageSize=500");

        var communities = body.GetProperty("communities").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(communities);
        Assert.All(communities, c => Assert.StartsWith("210102", c.GetProperty("code").GetString()));
        var area = communities[0].GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("rule").GetString() == "centre-area");
        Assert.True(area.GetProperty("threshold").GetDouble() is 600 or 350);
        var gaps = below.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("gap").GetDouble()).ToList();
        Assert.All(gaps, g => Assert.True(g > 0));
        Assert.Equal(gaps.OrderDescending(), gaps);
        var summary = body.GetProperty("summary").EnumerateArray().Single(s => s.GetProperty("rule").GetString() == "centre-area");
        Assert.Equal(below.GetProperty("total").GetInt64(), summary.GetProperty("below").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/facilities/standards/below?rule=castles")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/facilities/standards/export?region=210102&format=csv")).StatusCode);
    }
}
