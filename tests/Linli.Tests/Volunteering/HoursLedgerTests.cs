using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Volunteering;

/// <summary>The hours ledger over HTTP and in the database: hours from sign-in and sign-out when an order is done, capped per day, corrections as reversing rows, and a table the database keeps append-only.</summary>
[Collection("city")]
public sealed class HoursLedgerTests(CityFixture city)
{
    // Residents 200–299 of the district (VolunteeringTestData) belong to this class.
    private static object Attendance(long volunteerId, DateTimeOffset signIn, double hours) =>
        new { volunteerId, signInAt = signIn, signOutAt = signIn.AddHours(hours) };

    /// <summary>A China-time morning a few days ago (08:00 CST), so sign-in and sign-out lie in the past on one China day.</summary>
    private static DateTimeOffset MorningDaysAgo(int days) => new(DateTimeOffset.UtcNow.AddHours(8).Date.AddDays(-days), TimeSpan.Zero);

    private async Task<(long OrderId, HttpClient Worker)> ClaimedOrderAsync(IReadOnlyList<long> volunteers, int dayOffset)
    {
        var worker = await city.App.ClientForAsync("cw.a");
        var orderId = await OrderApiTests.DispatchedAsync(worker, volunteers.Count, dayOffset);
        foreach (var volunteerId in volunteers)
            Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/claim", new { volunteerId })).StatusCode);
        return (orderId, worker);
    }

    [Fact]
    public async Task A_done_order_credits_each_volunteer_the_time_between_sign_in_and_sign_out()
    {
        var volunteers = await VolunteeringTestData.RegisterAsync(city, 200, 2);
        var (orderId, worker) = await ClaimedOrderAsync(volunteers, 21);
        var morning = MorningDaysAgo(2);

        var response = await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/complete",
            new { attendance = new[] { Attendance(volunteers[0], morning, 2.5), Attendance(volunteers[1], morning, 3) } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Done", body.GetProperty("order").GetProperty("state").GetString());
        Assert.Equal([150, 180], body.GetProperty("hours").EnumerateArray().Select(h => h.GetProperty("minutes").GetInt32()));
        Assert.Equal(2.5, (await worker.GetFromJsonAsync<JsonElement>($"/api/volunteers/{volunteers[0]}")).GetProperty("totalHours").GetDouble());
        var again = await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/complete", new { attendance = new[] { Attendance(volunteers[0], morning, 1) } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Hours_beyond_the_daily_cap_are_not_credited()
    {
        var volunteer = (await VolunteeringTestData.RegisterAsync(city, 210, 1))[0];
        var (first, worker) = await ClaimedOrderAsync([volunteer], 23);
        var (second, _) = await ClaimedOrderAsync([volunteer], 25);
        var day = MorningDaysAgo(3);

        await worker.PostAsJsonAsync($"/api/volunteer-orders/{first}/complete", new { attendance = new[] { Attendance(volunteer, day, 8) } });
        var capped = await worker.PostAsJsonAsync($"/api/volunteer-orders/{second}/complete", new { attendance = new[] { Attendance(volunteer, day.AddHours(8.5), 7) } });

        var entry = (await capped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hours")[0];
        Assert.Equal(7 * 60, entry.GetProperty("attendedMinutes").GetInt32());
        Assert.Equal(4 * 60, entry.GetProperty("minutes").GetInt32());
        Assert.Equal(12, (await worker.GetFromJsonAsync<JsonElement>($"/api/volunteers/{volunteer}")).GetProperty("totalHours").GetDouble());
    }

    [Fact]
    public async Task Four_orders_completed_at_once_for_one_volunteer_and_day_credit_no_more_than_the_daily_cap()
    {
        var volunteer = (await VolunteeringTestData.RegisterAsync(city, 250, 1))[0];
        var claimed = new List<long>();
        HttpClient worker = null!;
        foreach (var offset in new[] { 41, 43, 45, 47 })
        {
            var (order, client) = await ClaimedOrderAsync([volunteer], offset);
            claimed.Add(order);
            worker = client;
        }
        var day = MorningDaysAgo(4);

        // Eight hours each, all at once: twelve may count (the cap), whatever the order in which they commit.
        var answers = await Task.WhenAll(claimed.Select((order, i) => worker.PostAsJsonAsync($"/api/volunteer-orders/{order}/complete",
            new { attendance = new[] { Attendance(volunteer, day.AddMinutes(i), 8) } })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(12, (await worker.GetFromJsonAsync<JsonElement>($"/api/volunteers/{volunteer}")).GetProperty("totalHours").GetDouble());
    }

    [Fact]
    public async Task A_correction_is_a_new_reversing_row_and_the_total_is_the_sum_of_the_ledger()
    {
        var volunteer = (await VolunteeringTestData.RegisterAsync(city, 220, 1))[0];
        var (orderId, worker) = await ClaimedOrderAsync([volunteer], 27);
        var completed = await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/complete", new { attendance = new[] { Attendance(volunteer, MorningDaysAgo(4), 4) } });
        var entryId = (await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hours")[0].GetProperty("id").GetInt64();

        var reversal = await worker.PostAsJsonAsync($"/api/volunteer-hours/{entryId}/reverse", new { reason = "签退时间登记错误" });
        var twice = await worker.PostAsJsonAsync($"/api/volunteer-hours/{entryId}/reverse", new { reason = "再次" });

        Assert.Equal(HttpStatusCode.Created, reversal.StatusCode);
        Assert.Equal(-240, (await reversal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("minutes").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var ledger = await worker.GetFromJsonAsync<JsonElement>($"/api/volunteer-hours?volunteerId={volunteer}");
        Assert.Equal(2, ledger.GetProperty("total").GetInt64());
        Assert.Contains(ledger.GetProperty("items").EnumerateArray(), h => h.GetProperty("id").GetInt64() == entryId && h.GetProperty("minutes").GetInt32() == 240);
        Assert.Equal(0, (await worker.GetFromJsonAsync<JsonElement>($"/api/volunteers/{volunteer}")).GetProperty("totalHours").GetDouble());
    }

    [Theory]
    [InlineData("volunteerId")]
    [InlineData("signOutAt")]
    [InlineData("future")]
    public async Task Bad_attendance_is_a_400_naming_the_row_and_field_and_leaves_the_order_undone(string broken)
    {
        var volunteer = (await VolunteeringTestData.RegisterAsync(city, broken switch { "volunteerId" => 230, "signOutAt" => 231, _ => 232 }, 1))[0];
        var (orderId, worker) = await ClaimedOrderAsync([volunteer], broken switch { "volunteerId" => 29, "signOutAt" => 31, _ => 33 });
        var morning = MorningDaysAgo(1);
        var row = broken switch
        {
            "volunteerId" => Attendance(volunteer + 100000, morning, 1),
            "signOutAt" => (object)new { volunteerId = volunteer, signInAt = morning, signOutAt = morning.AddHours(-1) },
            _ => Attendance(volunteer, DateTimeOffset.UtcNow.AddHours(1), 1),
        };

        var response = await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/complete", new { attendance = new[] { row } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var field = broken == "volunteerId" ? "attendance[0].volunteerId" : "attendance[0].signOutAt";
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal("Claimed", (await worker.GetFromJsonAsync<JsonElement>($"/api/volunteer-orders/{orderId}")).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_database_refuses_a_raw_update_or_delete_of_a_ledger_row()
    {
        var volunteer = (await VolunteeringTestData.RegisterAsync(city, 240, 1))[0];
        var (orderId, worker) = await ClaimedOrderAsync([volunteer], 35);
        var completed = await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/complete", new { attendance = new[] { Attendance(volunteer, MorningDaysAgo(5), 2) } });
        var entryId = (await completed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hours")[0].GetProperty("id").GetInt64();

        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<VolunteeringDbContext>();
            var entity = db.Model.FindEntityType(typeof(HoursEntry))!;
            var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
            // The table's name from the model (it differs by provider); the row's id as a parameter.
            var updateSql = "UPDATE " + table + " SET minutes = 6000 WHERE id = {0}";
            var deleteSql = "DELETE FROM " + table + " WHERE id = {0}";
            var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(updateSql, entryId));
            var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync(deleteSql, entryId));
            Assert.IsAssignableFrom<System.Data.Common.DbException>(update);
            Assert.Contains("append-only", update.Message);
            Assert.IsAssignableFrom<System.Data.Common.DbException>(delete);
            Assert.Equal(120, await db.Hours.IgnoreQueryFilters().Where(h => h.Id == entryId).Select(h => h.Minutes).SingleAsync());
            return 0;
        });
    }
}
