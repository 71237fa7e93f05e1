using System.Net;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Requests;

/// <summary>One filter in the context: a department sees what was sent to it, a community what happened in it, a district its subtree.</summary>
[Collection("city")]
public sealed class ScopeTests(CityFixture city)
{
    private async Task<HttpStatusCode> SeesAsync(string user, long id) => (await (await city.App.ClientForAsync(user)).GetAsync($"/api/requests/tickets/{id}")).StatusCode;

    private async Task<bool> ListsAsync(string user, long id, string? number)
    {
        var page = await (await (await city.App.ClientForAsync(user)).GetAsync($"/api/requests/tickets?number={number}")).Json(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().Any(t => t.Id() == id);
    }

    [Fact]
    public async Task Each_role_sees_exactly_the_tickets_of_its_scope()
    {
        var resident = await city.App.ClientForAsync("resident");
        var ticket = await resident.FileAsync(await RequestsApi.NewLeafAsync(city.App));
        var id = ticket.Id();
        var number = ticket.GetProperty("number").GetString();
        Assert.Equal("Web", ticket.GetProperty("channel").GetString());

        foreach (var user in new[] { "resident", "cw.a", "street.a", "district.heping", "hotline", "supervisor" })
        {
            Assert.Equal(HttpStatusCode.OK, await SeesAsync(user, id));
            Assert.True(await ListsAsync(user, id, number), user);
        }
        foreach (var user in new[] { "cw.b", "dept.water" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await SeesAsync(user, id));
            Assert.False(await ListsAsync(user, id, number), user);
        }
        // Outside the scope there is nothing to act on either: 404, not 403.
        Assert.Equal(HttpStatusCode.NotFound, (await (await city.App.ClientForAsync("cw.b")).ActAsync(id, "sign")).StatusCode);
        // A resident sees only their own.
        await city.App.CreateUserAsync("resident.other", Linli.Platform.Auth.Roles.Resident);
        Assert.Equal(HttpStatusCode.NotFound, await SeesAsync("resident.other", id));

        // Once whistled, the department sees it.
        var community = await city.App.ClientForAsync("cw.a");
        await community.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" } });
        Assert.Equal(HttpStatusCode.OK, await SeesAsync("dept.water", id));
        Assert.True(await ListsAsync("dept.water", id, number));
    }

    [Fact]
    public async Task A_department_sees_what_was_dispatched_to_it_or_given_to_it_to_co_handle()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "gas"), community: CityFixture.CommunityB)).Id();
        Assert.Equal(HttpStatusCode.NotFound, await SeesAsync("dept.water", id));
        await hotline.OkAsync(id, "dispatch", new { unitCode = "water" });
        Assert.Equal(HttpStatusCode.OK, await SeesAsync("dept.water", id));
        Assert.Equal(HttpStatusCode.NotFound, await SeesAsync("cw.a", id));
        Assert.Equal(HttpStatusCode.OK, await SeesAsync("cw.b", id));
        Assert.Equal(HttpStatusCode.NotFound, await SeesAsync("street.a", id));
        Assert.Equal(HttpStatusCode.OK, await SeesAsync("district.heping", id));
    }

    [Fact]
    public async Task Residents_may_file_and_rate_their_own_but_not_work_tickets()
    {
        var resident = await city.App.ClientForAsync("resident");
        var hotline = await city.App.ClientForAsync("hotline");
        var community = await city.App.ClientForAsync("cw.a");
        var id = (await resident.FileAsync(await RequestsApi.NewLeafAsync(city.App))).Id();
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.ActAsync(id, "dispatch")).StatusCode);
        await hotline.OkAsync(id, "dispatch");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.ActAsync(id, "sign")).StatusCode);
        await community.OkAsync(id, "sign");
        await community.OkAsync(id, "reply", new { reply = "已处理" });
        Assert.Equal("Closed", (await resident.OkAsync(id, "evaluate", new { rating = "BasicallySatisfied" })).State());
        Assert.Equal(HttpStatusCode.Unauthorized, (await city.App.CreateClient().GetAsync($"/api/requests/tickets/{id}")).StatusCode);
    }
}
