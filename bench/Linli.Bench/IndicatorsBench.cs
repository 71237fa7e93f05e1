using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Bench;

/// <summary>
/// The indicators board over a seeded city, against one sequential scan of the residents table by the database itself
/// (issue 10's yardstick), in the same run. Cold: the first request for each year since 2020 computes every indicator
/// for every region of that year-end (each year once; earlier years are cached by then, so each sample is one year's
/// computation). Warm: the board's API and pages afterwards, against the bare GET /health over the same client.
/// </summary>
internal static class IndicatorsBench
{
    private sealed record Timing(string Name, double P50, double P95, double Max, int Status, int Samples);

    public static async Task<int> RunAsync(Options o)
    {
        var reps = int.Parse(o.Raw.GetValueOrDefault("repetitions", "20"), CultureInfo.InvariantCulture);
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        await using DbConnection db = o.Db == "postgres" ? new NpgsqlConnection(o.Connection) : new SqliteConnection($"Data Source={Path.Combine(o.DataFolder!, "linli.db")};Default Timeout=60");
        await db.OpenAsync();
        var residents = o.Db == "postgres" ? "residents.residents" : "residents_residents";
        // Sum over a column forces a read of every row (an index-only count would not be a sequential scan).
        var scan = $"SELECT sum(length(community_code)) FROM {residents}";
        var count = Convert.ToInt64(await ScalarAsync(db, $"SELECT count(*) FROM {residents}"), CultureInfo.InvariantCulture);

        Process? server = null;
        var url = o.Url;
        try
        {
            if (url is null)
            {
                url = $"http://127.0.0.1:{Program.FreePortNumber()}";
                server = Program.StartServer(o, url);
            }
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(600) };
            await Program.WaitHealthyAsync(http, server);
            var tokens = new Dictionary<string, string>();
            foreach (var user in new[] { "demo.supervisor", "demo.district" }) tokens[user] = await Program.TokenAsync(http, user);

            async Task<(double Ms, int Status)> OnceAsync(string user, string path)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (user.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
                var watch = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                return (watch.Elapsed.TotalMilliseconds, (int)response.StatusCode);
            }

            // Cold first: nothing has asked for any year yet (the server was just started).
            var thisYear = DateTime.UtcNow.AddHours(8).Year;
            var cold = new List<double>();
            var coldStatus = 0;
            var perYear = new List<string>();
            for (var year = 2020; year <= thisYear; year++)
            {
                var (ms, status) = await OnceAsync("demo.supervisor", $"/api/indicators?year={year}");
                cold.Add(ms);
                coldStatus = Math.Max(coldStatus, status);
                perYear.Add($"{year}: {ms:F0} ms");
            }

            async Task<Timing> Http(string name, string user, string path)
            {
                var samples = new List<double>();
                var status = 0;
                for (var i = 0; i < reps + 3; i++)
                {
                    var (ms, s) = await OnceAsync(user, path);
                    status = s;
                    if (i >= 3) samples.Add(ms);
                }
                return Summarise(name, samples, status);
            }

            var scanSamples = new List<double>();
            for (var i = 0; i < Math.Max(3, reps / 4) + 1; i++)
            {
                var watch = Stopwatch.StartNew();
                await ScalarAsync(db, scan);
                watch.Stop();
                if (i >= 1) scanSamples.Add(watch.Elapsed.TotalMilliseconds);
            }
            var baselineScan = Summarise($"sequential scan of {residents} ({count:N0} rows)", scanSamples, 0);
            var coldTiming = Summarise("cold: every indicator × every region for one year-end (GET /api/indicators?year=…, first call per year)", cold, coldStatus);

            var health = await Http("GET /health (HTTP baseline)", "", "/health");
            var warm = new List<Timing>
            {
                await Http("GET /api/indicators (city)", "demo.supervisor", "/api/indicators"),
                await Http("GET /api/indicators (district)", "demo.district", "/api/indicators"),
                await Http("GET /api/indicators/{code}?breakdown=children (city, trend 2020→now)", "demo.supervisor", "/api/indicators/centre-area-per-100-households?breakdown=children"),
                await Http("GET /api/indicators/{code}/below-standard (city)", "demo.supervisor", "/api/indicators/urban-centre-600/below-standard"),
                await Http("GET /indicators (board page, city)", "demo.supervisor", "/indicators"),
                await Http("GET /indicators/report (print page, city)", "demo.supervisor", "/indicators/report"),
            };

            Say($"\n## {o.Label}: {count:N0} residents, {Environment.ProcessorCount} cores, {reps} repetitions per warm case (after 3 unmeasured)");
            Say("");
            Say("| case | samples | p50 ms | p95 ms | max ms | status | p50 / baseline |");
            Say("|---|---|---|---|---|---|---|");
            void Row(Timing t, Timing? baseline) => Say($"| {t.Name} | {t.Samples} | {t.P50:F1} | {t.P95:F1} | {t.Max:F1} | {(t.Status == 0 ? "—" : t.Status.ToString(CultureInfo.InvariantCulture))} | {(baseline is null ? "—" : (t.P50 / baseline.P50).ToString("F2", CultureInfo.InvariantCulture) + "×")} |");
            Row(baselineScan, null);
            Row(coldTiming, baselineScan);
            Row(health, null);
            foreach (var t in warm) Row(t, health);
            Say("");
            Say($"Cold computation per year: {string.Join(", ", perYear)}.");
            Say("Targets (issue 10): cold < 5 s for full-scale Shenyang on PostgreSQL, < 1 s on SQLite at the demo scale; warm pages < 300 ms.");
        }
        finally
        {
            if (server is { HasExited: false })
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }
        if (o.Report is { } path) await File.AppendAllTextAsync(path, report.ToString());
        return 0;
    }

    private static Timing Summarise(string name, List<double> samples, int status)
    {
        var sorted = samples.Order().ToArray();
        return new Timing(name, Program.Percentile(sorted, 0.50), Program.Percentile(sorted, 0.95), sorted[^1], status, sorted.Length);
    }

    private static async Task<object?> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteScalarAsync();
    }
}
