using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.ListTickets;
using Linli.Modules.Requests.Features.Queues;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>
/// What an open ticket is, said once (<see cref="Ticket.IsOpenState"/>): the state machine, the queues and the home page's
/// counts all read it, and the queries ask for the open states by name, as literals the database can plan for.
/// </summary>
[Collection("city")]
public sealed class OpenStatesTests(CityFixture city)
{
    [Fact]
    public void A_ticket_is_open_in_every_state_but_closed_and_merged()
    {
        Assert.Equal([TicketState.Received, TicketState.Dispatched, TicketState.Returned, TicketState.InProgress, TicketState.Suspended, TicketState.Replied],
            Ticket.OpenStates);
        foreach (var state in Enum.GetValues<TicketState>())
            Assert.Equal(Ticket.OpenStates.Contains(state), new Ticket { Number = "", Description = "", CommunityCode = "", State = state }.IsOpen);
    }

    [Fact]
    public async Task The_queries_name_the_open_states_as_literals_and_find_exactly_the_open_tickets()
    {
        // Some of each: a ticket left open and one the centre closed itself.
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        await hotline.FileAsync(leaf, description: "未办结的诉求");
        var answered = await hotline.FileAsync(leaf, description: "当场答复的诉求");
        await hotline.OkAsync(answered.Id(), "close", new { opinion = "已电话解答（直接答复）" });

        // The centre's view: the whole city (its scope filter adds its own parameters, which are not the point here).
        var centre = new Actor("centre", "hotline", new HashSet<string> { Roles.HotlineOperator }, null, null);
        var (sql, open, byState) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var filtered = TicketQueues.Unit(db, centre).IgnoreQueryFilters();
            return (filtered.ToQueryString(), await filtered.LongCountAsync(),
                await db.Tickets.IgnoreQueryFilters().GroupBy(t => t.State).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        });
        Assert.Contains("IN (1, 2, 3, 4, 5, 6)", sql);
        Assert.DoesNotContain("@", sql);
        Assert.True(byState.GetValueOrDefault(TicketState.Closed) > 0 && open > 0);
        Assert.Equal(byState.Where(s => Ticket.IsOpenState(s.Key)).Sum(s => s.Value), open);
    }

    [Fact]
    public async Task The_ticket_list_asks_for_a_state_as_a_literal_and_finds_exactly_that_state()
    {
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var answered = await hotline.FileAsync(leaf, description: "当场答复的诉求，按状态查找");
        await hotline.OkAsync(answered.Id(), "close", new { opinion = "已电话解答（直接答复）" });

        // A parameter would let a prepared statement's generic plan, costed for the average state, count a rare state by
        // scanning the whole table (a second a page on the full city); a literal is planned with the state's own size.
        var (sql, listed, closed) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var filtered = ListTicketsEndpoint.Filter(db.Tickets.IgnoreQueryFilters(), TicketState.Closed, null, null, null, null, null, null);
            return (filtered.ToQueryString(), await filtered.LongCountAsync(), await db.Tickets.IgnoreQueryFilters().LongCountAsync(t => t.State == TicketState.Closed));
        });
        Assert.Contains($"= {(int)TicketState.Closed}", sql);
        Assert.DoesNotContain("@", sql);
        Assert.True(closed > 0);
        Assert.Equal(closed, listed);
    }
}
