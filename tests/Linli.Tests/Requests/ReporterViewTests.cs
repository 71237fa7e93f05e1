using System.Net;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Requests;

/// <summary>The reporter follows their request's steps, not the staff's internal notes and names.</summary>
[Collection("city")]
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
}
