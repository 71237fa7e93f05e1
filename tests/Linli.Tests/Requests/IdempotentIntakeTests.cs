using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Platform.Idempotency;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>
/// Intake through the JSON API under an Idempotency-Key: a retry after a lost answer gets the first answer and files
/// nothing, also when the retries race each other; the key's record commits with its ticket or not at all.
/// </summary>
[Collection("city")]
public sealed class IdempotentIntakeTests(CityFixture city)
{
    private static string Marker() => "幂等-" + Guid.NewGuid().ToString("N")[..10];

    private static HttpRequestMessage Filing(int category, string description, string? key, string community = CityFixture.CommunityA)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests/tickets")
        {
            Content = JsonContent.Create(new { description, categoryId = category, urgency = "Normal", communityCode = community, contactPhone = "13812345678" }),
        };
        if (key is not null) request.Headers.TryAddWithoutValidation(IdempotencyKey.Header, key);
        return request;
    }

    private Task<int> TicketsWithAsync(string description) => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().CountAsync(t => t.Description == description));

    private Task<int> RecordsOfAsync(string key) => city.App.WithScopeAsync(sp =>
        sp.GetRequiredService<RequestsDbContext>().Set<IdempotencyRecord>().CountAsync(r => r.Key == key));

    [Fact]
    public async Task A_repeat_under_the_same_key_answers_the_first_answer_and_files_nothing()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var (description, key) = (Marker(), Guid.NewGuid().ToString());

        var first = await hotline.SendAsync(Filing(category, description, key));
        var firstBody = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotentAnswer.ReplayedHeader));
        // The answer was lost: the client sends the same request again, with the same key (quoted, as the draft writes it).
        var again = await hotline.SendAsync(Filing(category, description, $"\"{key}\""));
        var againBody = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(["true"], again.Headers.GetValues(IdempotentAnswer.ReplayedHeader));
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal("application/json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(firstBody, againBody);
        var ticket = JsonDocument.Parse(againBody).RootElement.GetProperty("ticket");
        Assert.Equal($"/api/requests/tickets/{ticket.Id()}", again.Headers.Location!.OriginalString);
        Assert.Equal(1, await TicketsWithAsync(description));
        Assert.Equal(1, await RecordsOfAsync(key));

        // Without a key, the same request is a new request, as before.
        await (await hotline.SendAsync(Filing(category, description, null))).Json(HttpStatusCode.Created);
        Assert.Equal(2, await TicketsWithAsync(description));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_a_422_problem_and_files_nothing()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var (description, key) = (Marker(), Guid.NewGuid().ToString());
        await (await hotline.SendAsync(Filing(category, description, key))).Json(HttpStatusCode.Created);

        var changed = await hotline.SendAsync(Filing(category, description + "（补充）", key));
        var problem = await changed.Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        Assert.Contains("Idempotency-Key", problem.GetProperty("title").GetString());
        Assert.Equal(0, await TicketsWithAsync(description + "（补充）"));
        Assert.Equal(1, await TicketsWithAsync(description));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var resident = await city.App.ClientForAsync("resident");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var (description, key) = (Marker(), Guid.NewGuid().ToString());
        var byHotline = (await (await hotline.SendAsync(Filing(category, description, key))).Json(HttpStatusCode.Created)).GetProperty("ticket");
        var byResident = await resident.SendAsync(Filing(category, description, key));
        var theirs = (await byResident.Json(HttpStatusCode.Created)).GetProperty("ticket");
        Assert.False(byResident.Headers.Contains(IdempotentAnswer.ReplayedHeader));
        Assert.NotEqual(byHotline.Id(), theirs.Id());
        Assert.Equal(2, await TicketsWithAsync(description));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("a key with spaces")]
    [InlineData("x")] // made 256 characters long below
    public async Task A_malformed_key_is_a_400_naming_the_header(string key)
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var description = Marker();
        var problem = await (await hotline.SendAsync(Filing(category, description, key == "x" ? new string('k', 256) : key))).Json(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(IdempotencyKey.Header, out _));
        Assert.Equal(0, await TicketsWithAsync(description));
    }

    [Fact]
    public async Task Concurrent_submissions_under_one_key_file_one_ticket_and_all_get_its_answer()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var (description, key) = (Marker(), Guid.NewGuid().ToString());

        // A client whose retries overlap its first attempt: eight at once, one key.
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => hotline.SendAsync(Filing(category, description, key))));
        var ids = new List<long>();
        foreach (var response in responses) ids.Add((await response.Json(HttpStatusCode.Created)).GetProperty("ticket").Id());

        Assert.Single(ids.Distinct());
        Assert.Equal(1, await TicketsWithAsync(description));
        Assert.Equal(1, await RecordsOfAsync(key));
        Assert.Equal(7, responses.Count(r => r.Headers.Contains(IdempotentAnswer.ReplayedHeader)));
    }

    [Fact]
    public async Task The_record_is_committed_with_its_ticket_or_neither_is()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var committer = city.App.Services.GetRequiredService<IntakeCommitter>();
        var caller = "user:test-" + Guid.NewGuid().ToString("N")[..8];

        // 1. The record cannot be written (a concurrent first submission holds the key): the ticket is rolled back too.
        var taken = Guid.NewGuid().ToString();
        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            db.Add(sp.GetRequiredService<IdempotencyStore<RequestsDbContext>>().Record(new IdempotencyKey(caller, taken, "other"),
                new IdempotentAnswer(201, "application/json", "{}", "/api/requests/tickets/1")));
            return await db.SaveChangesAsync();
        });
        var blocked = Marker();
        await using (var scope = city.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore<RequestsDbContext>>();
            await scope.ServiceProvider.GetRequiredService<TicketIntake>().TakeAsync(
                new FileTicketRequest(blocked, category, CommunityCode: CityFixture.CommunityA), Actor.System, CancellationToken.None);
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => committer.SaveAsync(db,
                () => [store.Record(new IdempotencyKey(caller, taken, "mine"), new IdempotentAnswer(201, null, "{}", null))]));
        }
        Assert.Equal(0, await TicketsWithAsync(blocked));

        // 2. The answer cannot be built once the ticket is saved (the process fails between the two): nothing commits.
        var failing = Marker();
        await using (var scope = city.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            await scope.ServiceProvider.GetRequiredService<TicketIntake>().TakeAsync(
                new FileTicketRequest(failing, category, CommunityCode: CityFixture.CommunityA), Actor.System, CancellationToken.None);
            await Assert.ThrowsAsync<InvalidOperationException>(() => committer.SaveAsync(db, () => throw new InvalidOperationException("crash")));
        }
        Assert.Equal(0, await TicketsWithAsync(failing));

        // 3. The ticket cannot be saved (its number is taken): its record is not kept either.
        var used = (await (await city.App.ClientForAsync("hotline")).FileAsync(category)).GetProperty("number").GetString()!;
        var numberless = Guid.NewGuid().ToString();
        await using (var scope = city.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore<RequestsDbContext>>();
            var intake = await scope.ServiceProvider.GetRequiredService<TicketIntake>().TakeAsync(
                new FileTicketRequest(Marker(), category, CommunityCode: CityFixture.CommunityA), Actor.System, CancellationToken.None);
            intake.Ticket.Number = used;
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => committer.SaveAsync(db,
                () => [store.Record(new IdempotencyKey(caller, numberless, "h"), new IdempotentAnswer(201, null, "{}", null))]));
        }
        Assert.Equal(0, await RecordsOfAsync(numberless));
    }

    [Fact]
    public async Task A_batch_with_one_conflicting_key_saves_every_other_intake_with_its_record()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var committer = city.App.Services.GetRequiredService<IntakeCommitter>();
        var caller = "user:batch-" + Guid.NewGuid().ToString("N")[..8];
        var marker = Marker();
        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            db.Add(sp.GetRequiredService<IdempotencyStore<RequestsDbContext>>().Record(new IdempotencyKey(caller, "key-3", "first"),
                new IdempotentAnswer(201, null, "{}", null)));
            return await db.SaveChangesAsync();
        });
        var scopes = Enumerable.Range(0, 10).Select(_ => city.App.Services.CreateAsyncScope()).ToList();
        try
        {
            var saves = new List<Task>();
            var tickets = new List<Ticket>();
            foreach (var (scope, i) in scopes.Select((s, i) => (s, i)))
            {
                var taken = await scope.ServiceProvider.GetRequiredService<TicketIntake>().TakeAsync(
                    new FileTicketRequest($"{marker} {i}", category, CommunityCode: CityFixture.CommunityA), Actor.System, CancellationToken.None);
                tickets.Add(taken.Ticket);
            }
            foreach (var (scope, i) in scopes.Select((s, i) => (s, i)))
            {
                var store = scope.ServiceProvider.GetRequiredService<IdempotencyStore<RequestsDbContext>>();
                var ticket = tickets[i];
                // The answer names the saved ticket's id, as the API's does.
                saves.Add(committer.SaveAsync(scope.ServiceProvider.GetRequiredService<RequestsDbContext>(),
                    () => [store.Record(new IdempotencyKey(caller, $"key-{i}", "h"), new IdempotentAnswer(201, null, ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null))]));
            }
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => saves[3]);
            await Task.WhenAll(saves.Where((_, i) => i != 3));

            var saved = await city.App.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<RequestsDbContext>();
                var rows = await db.Tickets.IgnoreQueryFilters().Where(t => t.Description.StartsWith(marker)).Select(t => new { t.Id, t.Description }).ToListAsync();
                var records = await db.Set<IdempotencyRecord>().Where(r => r.Caller == caller).ToDictionaryAsync(r => r.Key, r => r.Body);
                return (rows, records);
            });
            Assert.Equal(9, saved.rows.Count);
            Assert.DoesNotContain(saved.rows, t => t.Description == $"{marker} 3");
            Assert.Equal("{}", saved.records["key-3"]); // the first holder's answer, untouched
            foreach (var (ticket, i) in tickets.Select((t, i) => (t, i)).Where(x => x.i != 3))
            {
                Assert.Contains(saved.rows, t => t.Id == ticket.Id && t.Description == $"{marker} {i}");
                Assert.Equal(ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), saved.records[$"key-{i}"]);
            }
        }
        finally
        {
            foreach (var scope in scopes) await scope.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_answer_is_kept_for_24_hours_then_the_key_is_new_and_the_cleanup_deletes_it()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var description = Marker();
        var (expired, fresh, sweptOld, sweptFresh) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var hotlineId = await city.App.WithScopeAsync(sp =>
            sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Linli.Modules.Accounts.Domain.LinliUser>>().FindByNameAsync("hotline"));
        var caller = "user:" + hotlineId!.Id;
        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var now = DateTime.UtcNow;
            foreach (var (key, age) in new[] { (expired, 25), (fresh, 23), (sweptOld, 30), (sweptFresh, 1) })
                db.Add(new IdempotencyRecord { Caller = caller, Key = key, RequestHash = "another request", StatusCode = 201, Body = "{}", CreatedAt = now.AddHours(-age) });
            return await db.SaveChangesAsync();
        });

        // 23 hours on, the key still stands for the other request; 25 hours on it is free again.
        await (await hotline.SendAsync(Filing(category, description, fresh))).Json(HttpStatusCode.UnprocessableEntity);
        await (await hotline.SendAsync(Filing(category, description, expired))).Json(HttpStatusCode.Created);
        Assert.Equal(1, await TicketsWithAsync(description));

        var cleanup = city.App.Services.GetRequiredService<IdempotencyCleanup>();
        Assert.True(await cleanup.SweepAsync(typeof(RequestsDbContext), CancellationToken.None) >= 1);
        Assert.Equal(0, await RecordsOfAsync(sweptOld));
        Assert.Equal(1, await RecordsOfAsync(sweptFresh));
        Assert.Equal(1, await RecordsOfAsync(expired)); // saved anew by the second submission
    }
}
