using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Requests;

/// <summary>The reporter follows their request's steps, not the staff's internal notes and names.</summary>
[Collection("city2")]
public sealed class ReporterViewTests(CityFixture city)
{
    [Fact]
    public async Task A_resident_sees_the_steps_of_their_ticket_without_staff_names_or_internal_notes()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await city.App.ClientForAsync("resident");
        var filed = await resident.FileAsync(category);
        var hotline = await city.App.ClientForAsync("hotline");
        await hotline.OkAsync(filed.Id(), "dispatch", new { opinion = "内部备注：此人多次来电" });

        var seenByResident = await resident.GetTicketAsync(filed.Id());
        var text = seenByResident.ToString();
        Assert.DoesNotContain("内部备注", System.Text.RegularExpressions.Regex.Unescape(text));
        Assert.All(seenByResident.GetProperty("actions").EnumerateArray(), a => Assert.Equal(System.Text.Json.JsonValueKind.Null, a.GetProperty("userName").ValueKind));
        Assert.Contains("Dispatch", RequestsApi.ActionsOf(seenByResident));

        var seenByStaff = await hotline.GetTicketAsync(filed.Id());
        Assert.Contains("内部备注", System.Text.RegularExpressions.Regex.Unescape(seenByStaff.ToString()));
    }

    [Fact]
    public async Task The_resident_reporters_ticket_list_hides_departments_report_in_texts_as_the_single_ticket_and_the_track_page_do()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await city.App.ClientForAsync("resident");
        var filed = await resident.FileAsync(category, description: "路灯不亮，列表视图测试");
        var id = filed.Id();
        var community = await city.App.ClientForAsync("cw.a");
        await (await city.App.ClientForAsync("hotline")).OkAsync(id, "dispatch", new { opinion = "派社区" });
        await community.OkAsync(id, "sign");
        await community.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" } });
        const string report = "部门内部：管线老化，需申请专项资金";
        await (await city.App.ClientForAsync("dept.water")).OkAsync(id, "report-in", new { report });

        var number = filed.GetProperty("number").GetString();
        var list = await resident.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/requests/tickets?number={number}");
        var item = Assert.Single(list.GetProperty("items").EnumerateArray());
        var summoned = Assert.Single(item.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitCode").GetString() == "water");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, summoned.GetProperty("reportedAt").ValueKind); // the step is shown
        Assert.All(item.GetProperty("units").EnumerateArray(), u => Assert.Equal(System.Text.Json.JsonValueKind.Null, u.GetProperty("report").ValueKind));
        Assert.All((await resident.GetTicketAsync(id)).GetProperty("units").EnumerateArray(),
            u => Assert.Equal(System.Text.Json.JsonValueKind.Null, u.GetProperty("report").ValueKind));
        var track = await Ui.PageClient.SignedInAsync(city.App, "resident");
        var (status, html) = await track.GetAsync($"/requests/track/{number}");
        Assert.Equal((HttpStatusCode.OK, false), (status, System.Net.WebUtility.HtmlDecode(html).Contains(report, StringComparison.Ordinal)));

        // Staff see the report in the list as in the ticket.
        var staffList = await community.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/requests/tickets?number={number}");
        Assert.Contains(Assert.Single(staffList.GetProperty("items").EnumerateArray()).GetProperty("units").EnumerateArray(),
            u => u.GetProperty("report").GetString() == report);
    }
}
