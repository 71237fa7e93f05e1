using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Seeding;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>The synthetic year of tickets in the shared city, read back from the database and held against the ticket rules.</summary>
[Collection("city")]
public sealed class TicketHistoryRulesTests(CityFixture city)
{
    [Fact]
    public async Task Every_step_of_the_synthetic_history_is_one_the_ticket_rules_allow_from_the_state_it_left()
    {
        var (tickets, actions) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var history = await db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CreatedBy == TicketHistorySeeder.SeedUser).ToListAsync();
            var (min, max) = (history.Min(t => t.Id), history.Max(t => t.Id));
            var log = await db.TicketActions.AsNoTracking().Where(a => a.TicketId >= min && a.TicketId <= max).OrderBy(a => a.Id).ToListAsync();
            return (history, log.ToLookup(a => a.TicketId));
        });
        var problems = new List<string>();
        var kinds = new HashSet<TicketActionKind>();
        foreach (var ticket in tickets)
        {
            var log = actions[ticket.Id].ToList();
            for (var i = 1; i < log.Count; i++)
            {
                var step = log[i];
                kinds.Add(step.Action);
                var rule = TicketRules.Of(step.Action);
                // A verdict that sends the ticket back is logged as the verdict (staying replied), then the reopening.
                var verdictBeforeReopen = step.Action == TicketActionKind.Evaluate && step.ToState == step.FromState
                                          && i + 1 < log.Count && log[i + 1].Action == TicketActionKind.Reopen;
                if (!rule.In.Contains(step.FromState)) problems.Add($"{ticket.Number}: {step.Action} taken while {step.FromState}");
                else if (!verdictBeforeReopen && step.ToState != (rule.To ?? step.FromState))
                    problems.Add($"{ticket.Number}: {step.Action} led from {step.FromState} to {step.ToState}, the rules lead to {rule.To ?? step.FromState}");
            }
            // Only a dispatched ticket has a lead unit: waiting for dispatch (new or returned) it has none.
            if (ticket.State is TicketState.Received or TicketState.Returned && ticket.AssignedUnitCode is not null)
                problems.Add($"{ticket.Number} is {ticket.State} yet has lead unit {ticket.AssignedUnitCode}");
            if (ticket.State is TicketState.Dispatched or TicketState.InProgress && ticket.AssignedUnitCode is null)
                problems.Add($"{ticket.Number} is {ticket.State} without a lead unit");
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(30)));
        // The history exercises the main road and its detours, not only the first steps.
        Assert.Superset(new HashSet<TicketActionKind>
        {
            TicketActionKind.Dispatch, TicketActionKind.Sign, TicketActionKind.Return, TicketActionKind.RequestExtension, TicketActionKind.Reply,
            TicketActionKind.Evaluate, TicketActionKind.Reopen, TicketActionKind.AnswerDirectly, TicketActionKind.Overdue,
        }, kinds);
    }
}
