using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Bench;

/// <summary>
/// Appointments under contention: rounds of 100 concurrent bookings (POST /api/appointments) at one slot with 3 places,
/// against a baseline measured in the same run — as many rounds of 100 concurrent GETs of the public slot list. Reports
/// both throughputs and p99s, their ratios, and the overbookings (places booked beyond capacity: must be 0), counted
/// from the server's answers and from the database's slot rows.
/// </summary>
internal static class AppointmentsBench
{
    private const string Community = "210102001002"; // demo.community's
    private const int Capacity = 3;

    public static async Task<int> RunAsync(Options o)
    {
        var rounds = int.Parse(o.Raw.GetValueOrDefault("rounds", "20"), CultureInfo.InvariantCulture);
        var burst = int.Parse(o.Raw.GetValueOrDefault("burst", "100"), CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        await using var db = Connect(o);
        await db.OpenAsync();
        var items = await EnsureItemsAsync(db, o.Db == "postgres", burst);
        Process? server = null;
        var url = o.Url;
        try
        {
            if (url is null)
            {
                url = $"http://127.0.0.1:{Program.FreePortNumber()}";
                server = Program.StartServer(o, url);
            }
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = burst * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
                { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            await Program.WaitHealthyAsync(http, server);
            var worker = await Program.TokenAsync(http, "demo.community");
            var resident = await Program.TokenAsync(http, "demo.resident");

            // Slots of 5 minutes from tomorrow on, 3 places each: one slot per round.
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var publish = new HttpRequestMessage(HttpMethod.Post, "/api/appointments/slots")
            {
                Content = JsonContent.Create(new
                {
                    communityCode = Community, from = today.AddDays(1), to = today.AddDays(10), periods = new[] { new { from = "08:00", to = "12:00" } },
                    slotMinutes = 5, capacity = Capacity,
                }),
            };
            publish.Headers.Authorization = new AuthenticationHeaderValue("Bearer", worker);
            (await http.SendAsync(publish)).EnsureSuccessStatusCode();
            var listUrl = $"/api/appointments/slots?community={Community}&from={today.AddDays(1):yyyy-MM-dd}&to={today.AddDays(10):yyyy-MM-dd}&pageSize=500";
            var slots = (await http.GetFromJsonAsync<JsonElement>(listUrl)).GetProperty("items").EnumerateArray()
                .Where(s => s.GetProperty("available").GetInt32() == Capacity).Select(s => s.GetProperty("id").GetInt64()).Take(rounds + 1).ToList();
            if (slots.Count < rounds + 1) throw new InvalidOperationException($"Only {slots.Count} free slots to book; the benchmark needs {rounds + 1}.");

            Say($"\n## {o.Label}: {rounds} rounds of {burst} concurrent requests, {Environment.ProcessorCount} cores");
            // Warm-up, unmeasured: one round of each.
            await GetBurstAsync(http, listUrl, burst);
            await BookBurstAsync(http, resident, slots[^1], items, burst);
            await CancelAllAsync(http, resident);

            var getLatencies = new List<double>();
            var getClock = Stopwatch.StartNew();
            for (var r = 0; r < rounds; r++) getLatencies.AddRange(await GetBurstAsync(http, listUrl, burst));
            getClock.Stop();

            var bookLatencies = new List<double>();
            var (booked, full, other) = (0, 0, 0);
            var overbookedByAnswers = 0;
            var bookClock = new Stopwatch();
            for (var r = 0; r < rounds; r++)
            {
                bookClock.Start();
                var answers = await BookBurstAsync(http, resident, slots[r], items, burst);
                bookClock.Stop();
                bookLatencies.AddRange(answers.Select(a => a.Ms));
                var created = answers.Count(a => a.Status == HttpStatusCode.Created);
                booked += created;
                full += answers.Count(a => a.Status == HttpStatusCode.Conflict);
                other += answers.Count(a => a.Status is not (HttpStatusCode.Created or HttpStatusCode.Conflict));
                overbookedByAnswers += Math.Max(0, created - Capacity);
                await CancelAllAsync(http, resident); // the resident's cap stays free for the next round (the places stay taken until release)
            }
            var overbookedInDatabase = await OverbookedAsync(db, o.Db == "postgres", slots.Take(rounds));

            static double P(List<double> l, double p) => Program.Percentile([.. l.Order()], p);
            var getRate = getLatencies.Count / getClock.Elapsed.TotalSeconds;
            var bookRate = bookLatencies.Count / bookClock.Elapsed.TotalSeconds;
            Say("| run | requests | throughput | p50 | p99 |");
            Say("|---|---|---|---|---|");
            Say($"| baseline: GET /api/appointments/slots (public list) | {getLatencies.Count:N0} | {getRate:N0}/s | {P(getLatencies, 0.5):N1} ms | {P(getLatencies, 0.99):N1} ms |");
            Say($"| POST /api/appointments at one slot of {Capacity} places | {bookLatencies.Count:N0} | {bookRate:N0}/s | {P(bookLatencies, 0.5):N1} ms | {P(bookLatencies, 0.99):N1} ms |");
            Say($"\nRatios (bookings / baseline): throughput **{bookRate / getRate:N2}**, p99 **{P(bookLatencies, 0.99) / P(getLatencies, 0.99):N2}**.");
            Say($"Answers: {booked} booked (expected {rounds * Capacity}), {full} refused as full (409), {other} other.");
            Say($"Overbookings: **{overbookedByAnswers}** by the answers, **{overbookedInDatabase}** in the database (slots whose taken count exceeds capacity or whose bookings outnumber it).");
            if (o.Report is { } path) await File.AppendAllTextAsync(path, report.ToString());
            return overbookedByAnswers + overbookedInDatabase == 0 && booked == rounds * Capacity && other == 0 ? 0 : 1;
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
    }

    private static DbConnection Connect(Options o) => o.Db == "postgres"
        ? new NpgsqlConnection(o.Connection)
        : new SqliteConnection($"Data Source={Path.Combine(o.DataFolder!, "linli.db")};Default Timeout=60");

    private static async Task<List<double>> GetBurstAsync(HttpClient http, string url, int burst) =>
        [.. await Task.WhenAll(Enumerable.Range(0, burst).Select(async _ =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            return clock.Elapsed.TotalMilliseconds;
        }))];

    private static async Task<(HttpStatusCode Status, double Ms)[]> BookBurstAsync(HttpClient http, string token, long slot, List<long> items, int burst) =>
        await Task.WhenAll(Enumerable.Range(0, burst).Select(async i =>
        {
            // One resident, a different item each: only the slot's places decide (the per-item and per-person limits do not).
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/appointments") { Content = JsonContent.Create(new { slotId = slot, itemId = items[i % items.Count] }) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var clock = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            return (response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }));

    private static async Task CancelAllAsync(HttpClient http, string token)
    {
        using var list = new HttpRequestMessage(HttpMethod.Get, "/api/appointments/mine?state=Booked&pageSize=100");
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var mine = await (await http.SendAsync(list)).Content.ReadFromJsonAsync<JsonElement>();
        foreach (var booking in mine.GetProperty("items").EnumerateArray())
        {
            using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/appointments/{booking.GetProperty("id").GetInt64()}/cancel");
            cancel.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            (await http.SendAsync(cancel)).EnsureSuccessStatusCode();
        }
    }

    private static async Task<long> OverbookedAsync(DbConnection db, bool postgres, IEnumerable<long> slots)
    {
        var (s, b) = postgres ? ("servicedesk.window_slots", "servicedesk.bookings") : ("servicedesk_window_slots", "servicedesk_bookings");
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {s} w WHERE w.id IN ({string.Join(',', slots)}) AND (w.taken > w.capacity OR (SELECT count(*) FROM {b} x WHERE x.slot_id = w.id) > w.capacity)";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Published items for the bookings (the catalog's pages come with the catalog; the benchmark writes the rows).</summary>
    private static async Task<List<long>> EnsureItemsAsync(DbConnection db, bool postgres, int count)
    {
        var (items, versions, availability) = postgres
            ? ("servicedesk.service_items", "servicedesk.service_item_versions", "servicedesk.item_availability")
            : ("servicedesk_service_items", "servicedesk_service_item_versions", "servicedesk_item_availability");
        var now = postgres ? "now()" : "'2026-01-01 00:00:00'";
        for (var i = 0; i < count; i++)
        {
            var code = $"BENCH{i:000}";
            await using var exists = db.CreateCommand();
            exists.CommandText = $"SELECT count(*) FROM {items} WHERE code = '{code}'";
            if (Convert.ToInt64(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0) continue;
            await using var insert = db.CreateCommand();
            insert.CommandText =
                $"INSERT INTO {items} (code, name, retired, created_at) VALUES ('{code}', '压测事项{i}', {(postgres ? "false" : "0")}, {now});" +
                $"INSERT INTO {versions} (item_id, number, state, name, department_code, legal_basis, conditions, fee, legal_limit_days, promised_limit_days, modes, city_wide, community_steps, non_counting_steps, created_at, published_at) " +
                $"SELECT id, 1, 2, name, 'civil', '', '', '不收费', 20, 10, 9, {(postgres ? "true" : "1")}, 0, 0, {now}, {now} FROM {items} WHERE code = '{code}';" +
                $"UPDATE {items} SET published_version_id = (SELECT v.id FROM {versions} v WHERE v.item_id = {items}.id) WHERE code = '{code}';" +
                // On the district 代办 list of the demo community's district, where the slots are published.
                $"INSERT INTO {availability} (item_id, district_code, published_at) SELECT id, '210102', {now} FROM {items} WHERE code = '{code}';";
            await insert.ExecuteNonQueryAsync();
        }
        await using var ids = db.CreateCommand();
        ids.CommandText = $"SELECT id FROM {items} WHERE code LIKE 'BENCH%' ORDER BY code";
        await using var reader = await ids.ExecuteReaderAsync();
        var list = new List<long>();
        while (await reader.ReadAsync()) list.Add(reader.GetInt64(0));
        return list;
    }
}
