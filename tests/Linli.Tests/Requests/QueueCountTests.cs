using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Queues;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>The queue tabs' counts equal the queues' lists, for a department that leads some tickets and co-handles others.</summary>
[Collection("city2")]
public sealed class QueueCountTests(CityFixture city)
{
    [Fact]
    public async Task A_departments_tab_counts_hold_its_led_and_co_handled_tickets_once_each()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var water = await city.App.ClientForAsync("dept.water");
        var led = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"))).Id();
        await hotline.OkAsync(led, "dispatch");
        await water.OkAsync(led, "sign");
        await water.OkAsync(led, "co-handlers", new { unitCodes = new[] { "gas" } });
        var signedOnly = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"))).Id();
        await hotline.OkAsync(signedOnly, "dispatch");

        var now = DateTime.UtcNow;
        foreach (var department in new[] { "water", "gas" })
        {
            var actor = new Actor("test", "test", new HashSet<string> { Roles.DepartmentStaff }, null, department);
            var (counts, lists) = await city.App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<RequestsDbContext>();
                var counts = await TicketQueues.CountAsync(db, actor, now, CancellationToken.None);
                var lists = new Dictionary<Queue, long>();
                foreach (var queue in counts.Keys) lists[queue] = await TicketQueues.Query(db, actor, queue, now).LongCountAsync();
                return (counts, lists);
            });
            Assert.Equal(lists, counts);
            Assert.True(counts[Queue.InProgress] >= 1, department); // the led ticket for water, the co-handled one for gas
        }
    }
}
