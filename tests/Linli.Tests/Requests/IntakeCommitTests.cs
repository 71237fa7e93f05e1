using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>
/// Intakes of concurrent requests are committed together (group commit, docs/decisions/0005-group-commit-for-intake.md): each request is answered only when
/// its rows are saved, and a ticket that cannot be saved fails its own request, not the others queued with it.
/// </summary>
[Collection("city")]
public sealed class IntakeCommitTests(CityFixture city)
{
    [Fact]
    public async Task Intakes_queued_together_are_all_saved_whole_and_a_bad_one_fails_alone()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var taken = (await (await city.App.ClientForAsync("hotline")).FileAsync(category)).GetProperty("number").GetString()!;
        var marker = "批量受理-" + Guid.NewGuid().ToString("N")[..8];
        var committer = city.App.Services.GetRequiredService<IntakeCommitter>();
        var scopes = Enumerable.Range(0, 24).Select(_ => city.App.Services.CreateAsyncScope()).ToList();
        try
        {
            var tickets = new List<Ticket>();
            for (var i = 0; i < scopes.Count; i++)
            {
                var intake = scopes[i].ServiceProvider.GetRequiredService<TicketIntake>();
                var filed = await intake.TakeAsync(new FileTicketRequest($"{marker} {i}", category, CommunityCode: CityFixture.CommunityA, ContactPhone: "14000000123"),
                    Actor.System, CancellationToken.None);
                if (i == 7) filed.Ticket.Number = taken; // a number already used: this one ticket cannot be saved
                tickets.Add(filed.Ticket);
            }

            // Handed over back to back, as concurrent requests would: they queue for the same commit.
            var saves = scopes.Select(s => committer.SaveAsync(s.ServiceProvider.GetRequiredService<RequestsDbContext>())).ToList();
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => saves[7]);
            await Task.WhenAll(saves.Where((_, i) => i != 7));

            Assert.All(tickets.Where((_, i) => i != 7), t => Assert.True(t.Id > 0));
            var saved = await city.App.WithScopeAsync(sp =>
            {
                var db = sp.GetRequiredService<RequestsDbContext>();
                return db.Tickets.AsNoTracking().Where(t => t.Description.StartsWith(marker))
                    .Select(t => new { t.Id, t.Description, Actions = t.Actions.Count, Outbox = db.Outbox.Count(m => m.TicketId == t.Id) })
                    .ToListAsync();
            });
            Assert.Equal(23, saved.Count);
            Assert.DoesNotContain(saved, t => t.Description == $"{marker} 7");
            Assert.All(saved, t => Assert.Equal((1, 1), (t.Actions, t.Outbox))); // the filing and the reporter's message, saved with the ticket
            Assert.Equal(tickets.Where((_, i) => i != 7).Select(t => t.Id).Order(), saved.Select(t => t.Id).Order());
        }
        finally
        {
            foreach (var scope in scopes) await scope.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_context_that_also_changes_existing_rows_is_refused_rather_than_half_saved()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var id = (await (await city.App.ClientForAsync("hotline")).FileAsync(category)).Id();
        await using var scope = city.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var ticket = await db.Tickets.FirstAsync(t => t.Id == id);
        ticket.Description = "changed";
        await Assert.ThrowsAsync<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<IntakeCommitter>().SaveAsync(db));
    }
}
