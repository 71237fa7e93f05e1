using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Seeding;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Linli.Tests.Requests;

/// <summary>The synthetic year of tickets in the shared city (scale 0.002): totals, mixes and consistent lives.</summary>
[Collection("city2")]
public sealed class TicketHistoryTests(CityFixture city, ITestOutputHelper output)
{
    private Task<List<Ticket>> HistoryAsync() => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => t.CreatedBy == TicketHistorySeeder.SeedUser).OrderBy(t => t.Id).ToListAsync());

    [Fact]
    public async Task The_year_has_the_designed_volume_channels_classes_and_ratings()
    {
        var tickets = await HistoryAsync();
        var expected = TicketHistorySeeder.TicketsAtFullScale * CityFixture.Scale;
        output.WriteLine($"{tickets.Count} tickets (expected {expected})");
        Assert.InRange(tickets.Count, expected * 0.93, expected * 1.07);

        foreach (var (channel, share) in TicketHistorySeeder.ChannelShares)
        {
            var actual = tickets.Count(t => t.Channel == channel) / (double)tickets.Count;
            output.WriteLine($"{channel}: {actual:P1} (designed {share:P0})");
            Assert.InRange(actual, share - 0.03, share + 0.03);
        }

        var rated = tickets.Where(t => t.Rating is not null && t.ReopenCount == 0).ToList();
        var first = tickets.Where(t => t.Rating is not null || t.ReopenCount > 0).ToList();
        var dissatisfied = tickets.Count(t => t.ReopenCount > 0) / (double)first.Count;
        var satisfied = rated.Count(t => t.Rating == Rating.Satisfied) / (double)first.Count;
        var basically = rated.Count(t => t.Rating == Rating.BasicallySatisfied) / (double)first.Count;
        output.WriteLine($"first verdicts: satisfied {satisfied:P1}, basically {basically:P1}, dissatisfied {dissatisfied:P1} of {first.Count}");
        Assert.InRange(satisfied, 0.80, 0.90);
        Assert.InRange(basically, 0.065, 0.135);
        Assert.InRange(dissatisfied, 0.025, 0.08);

        var returned = tickets.Count(t => t.ReturnCount > 0) / (double)tickets.Count;
        Assert.InRange(returned, 0.01, 0.05);
        var overdue = tickets.Count(t => t.IsOverdue) / (double)tickets.Count;
        output.WriteLine($"returned {returned:P1}, overdue {overdue:P1}");
        Assert.InRange(overdue, 0.01, 0.12);

        // The first-level classes weighted highest come first.
        var classOf = await city.App.WithScopeAsync(async sp =>
        {
            var tree = new CategoryTree(await sp.GetRequiredService<RequestsDbContext>().Categories.AsNoTracking().ToListAsync());
            return tree.All.Where(c => c.IsLeaf).ToDictionary(c => c.Id, c => tree.Ancestry(c).Last().Name);
        });
        var top = tickets.GroupBy(t => classOf[t.CategoryId]).OrderByDescending(g => g.Count()).Select(g => g.Key).Take(2).ToList();
        Assert.Equal(["城乡建设", "环境保护"], top);

        // Phones are synthetic and protected; a few tickets are still open at the end, with deadlines to watch.
        Assert.All(tickets.Where(t => t.PhoneMasked is not null), t => Assert.StartsWith("140", t.PhoneMasked));
        Assert.All(tickets.Where(t => t.PhoneMasked is not null), t => Assert.NotNull(t.PhoneCipher));
        var open = tickets.Where(t => t.IsOpen).ToList();
        Assert.InRange(open.Count, 1, tickets.Count * 0.05);
        var withDeadlines = await city.App.WithScopeAsync(sp =>
            sp.GetRequiredService<RequestsDbContext>().Deadlines.Select(d => d.TicketId).Distinct().ToListAsync());
        Assert.All(open.Where(t => t.State is TicketState.Dispatched or TicketState.InProgress), t => Assert.Contains(t.Id, withDeadlines));
        // No outbox flood for history: only what the watcher sends for deadlines passing after the seed.
        var (min, max) = (tickets[0].Id, tickets[^1].Id);
        Assert.Equal(0, await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Outbox
            .CountAsync(m => m.TicketId >= min && m.TicketId <= max && m.Subject != "超期督办")));
    }

    [Fact]
    public async Task Every_tickets_state_is_where_its_action_log_leads()
    {
        var tickets = await HistoryAsync();
        var (min, max) = (tickets[0].Id, tickets[^1].Id);
        var actions = (await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().TicketActions.AsNoTracking()
                .Where(a => a.TicketId >= min && a.TicketId <= max).OrderBy(a => a.Id).ToListAsync()))
            .ToLookup(a => a.TicketId);
        foreach (var ticket in tickets)
        {
            var log = actions[ticket.Id].ToList();
            Assert.True(log.Count > 0, ticket.Number);
            Assert.Equal(TicketActionKind.File, log[0].Action);
            Assert.Equal(ticket.CreatedAt, log[0].At);
            for (var i = 1; i < log.Count; i++)
            {
                Assert.True(log[i].FromState == log[i - 1].ToState, $"{ticket.Number}: {log[i - 1].Action}→{log[i].Action}");
                Assert.True(log[i].At >= log[i - 1].At, $"{ticket.Number}: time goes back at {log[i].Action}");
            }
            Assert.True(ticket.State == log[^1].ToState, $"{ticket.Number} is {ticket.State} but its log ends {log[^1].ToState}");
            Assert.Equal(ticket.State == TicketState.Closed, ticket.ClosedAt is not null);
            if (ticket.State == TicketState.Closed && ticket.Rating is not null) Assert.Equal(TicketActionKind.Evaluate, log[^1].Action);
            Assert.Equal(ticket.ReturnCount, log.Count(a => a.Action == TicketActionKind.Return));
            Assert.Equal(ticket.ReopenCount, log.Count(a => a.Action == TicketActionKind.Reopen));
            Assert.Equal(ticket.IsOverdue, log.Any(a => a.Action == TicketActionKind.Overdue && a.Opinion!.StartsWith("超期", StringComparison.Ordinal)));
            if (ticket.SignedAt is { } signed) Assert.True(signed >= ticket.DispatchedAt);
            if (ticket.RepliedAt is { } replied) Assert.True(replied >= ticket.CreatedAt);
        }
    }
}
