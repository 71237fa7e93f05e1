using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Bench;

/// <summary>
/// The service desk's read paths over a seeded year (or more) of cases, each against a baseline measured in the same run:
/// the supervisors' statistics for a year city-wide (GET /api/service-desk/statistics) against one sequential scan of
/// the cases table by the database itself (the issue's yardstick), and the case lists (GET /api/service-cases: a
/// community's, a district's, the city's; the due-soon and overdue lists) against the bare GET /health over the same
/// HTTP client. Reports p50/p95/max of each and the ratios; the EXPLAIN of the list and statistics queries on SQLite.
/// </summary>
internal static class ServiceDeskBench
{
    private sealed record Timing(string Name, double P50, double P95, double Max, int Status);

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
        var cases = o.Db == "postgres" ? "servicedesk.service_cases" : "servicedesk_service_cases";
        var count = Convert.ToInt64(await ScalarAsync(db, $"SELECT count(*) FROM {cases}"), CultureInfo.InvariantCulture);

        Process? server = null;
        var url = o.Url;
        try
        {
            if (url is null)
            {
                url = $"http://127.0.0.1:{Program.FreePortNumber()}";
                server = Program.StartServer(o, url);
            }
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(120) };
            await Program.WaitHealthyAsync(http, server);
            var tokens = new Dictionary<string, string>();
            foreach (var user in new[] { "demo.supervisor", "demo.district", "demo.community" }) tokens[user] = await Program.TokenAsync(http, user);

            Say($"\n## {o.Label}: {count:N0} cases, {Environment.ProcessorCount} cores, {reps} repetitions per case (after 3 unmeasured)");
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var year = $"from={today.AddDays(-365):yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}";

            async Task<Timing> Http(string name, string user, string path)
            {
                var samples = new List<double>();
                var status = 0;
                for (var i = 0; i < reps + 3; i++)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path);
                    if (user.Length > 0) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
                    var watch = Stopwatch.StartNew();
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    watch.Stop();
                    status = (int)response.StatusCode;
                    if (i >= 3) samples.Add(watch.Elapsed.TotalMilliseconds);
                }
                return Summarise(name, samples, status);
            }

            async Task<Timing> Sql(string name, string sql)
            {
                var samples = new List<double>();
                for (var i = 0; i < reps + 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await ScalarAsync(db, sql);
                    watch.Stop();
                    if (i >= 3) samples.Add(watch.Elapsed.TotalMilliseconds);
                }
                return Summarise(name, samples, 0);
            }

            // The yardstick of the statistics: the database reads every case once (a sequential scan summing a column).
            var scan = await Sql("baseline: one sequential scan of the cases table (SQL)",
                $"SELECT count(*) + sum(coalesce(working_days_taken, 0)) + sum(is_overdue) FROM {cases}".Replace("sum(is_overdue)", o.Db == "postgres" ? "sum(is_overdue::int)" : "sum(is_overdue)"));
            var stats = new List<Timing>
            {
                await Http("statistics, a year city-wide by district (supervisor)", "demo.supervisor", $"/api/service-desk/statistics?groupBy=District&{year}"),
                await Http("statistics, a year city-wide by community (supervisor)", "demo.supervisor", $"/api/service-desk/statistics?groupBy=Community&{year}"),
                await Http("statistics, a year city-wide by item (supervisor)", "demo.supervisor", $"/api/service-desk/statistics?groupBy=Item&{year}"),
                await Http("statistics, a year of one district by street (district)", "demo.district", $"/api/service-desk/statistics?groupBy=Street&{year}"),
            };
            var health = await Http("baseline: GET /health", "", "/health");
            var lists = new List<Timing>
            {
                await Http("case list, first page (community)", "demo.community", "/api/service-cases?pageSize=20"),
                await Http("case list, first page (district)", "demo.district", "/api/service-cases?pageSize=20"),
                await Http("case list, first page (city)", "demo.supervisor", "/api/service-cases?pageSize=20"),
                await Http("due-soon list (community)", "demo.community", "/api/service-cases?due=soon&pageSize=20"),
                await Http("due-soon list (district)", "demo.district", "/api/service-cases?due=soon&pageSize=20"),
                await Http("due-soon list (city)", "demo.supervisor", "/api/service-cases?due=soon&pageSize=20"),
                await Http("overdue list (district)", "demo.district", "/api/service-cases?due=overdue&pageSize=20"),
                await Http("case list, awaiting completion (district)", "demo.district", "/api/service-cases?state=AwaitingCompletion&pageSize=20"),
            };

            Say("");
            Say("| case | p50 ms | p95 ms | max ms | status | p50 / baseline |");
            Say("|---|---|---|---|---|---|");
            void Row(Timing t, Timing? baseline) => Say($"| {t.Name} | {t.P50:F1} | {t.P95:F1} | {t.Max:F1} | {(t.Status == 0 ? "—" : t.Status.ToString(CultureInfo.InvariantCulture))} | {(baseline is null ? "—" : (t.P50 / baseline.P50).ToString("F2", CultureInfo.InvariantCulture) + "×")} |");
            Row(scan, null);
            foreach (var t in stats) Row(t, scan);
            Row(health, null);
            foreach (var t in lists) Row(t, health);
            Say("");
            Say($"Targets (issue 9): statistics < 1,000 ms for a year city-wide at full scale (583,000 cases); lists p95 < 150 ms at 3 million cases. "
                + $"Here: statistics worst p95 {stats.Max(s => s.P95):F0} ms, lists worst p95 {lists.Max(l => l.P95):F0} ms at {count:N0} cases.");

            if (db is SqliteConnection)
            {
                Say("\n### Query plans (SQLite, EXPLAIN QUERY PLAN of the shapes the endpoints run)");
                var soon = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var now = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var plans = new Dictionary<string, string>
                {
                    ["statistics by district (a year)"] = $"SELECT substr(accepting_community_code, 1, 6), count(*), sum(decided_at IS NOT NULL AND NOT is_overdue) FROM {cases} WHERE received_at >= '2000-01-01' AND received_at < '2100-01-01' GROUP BY substr(accepting_community_code, 1, 6)",
                    ["community list (scope: accepted or homed here)"] = $"SELECT id FROM {cases} WHERE (accepting_community_code LIKE '210102001002%' OR home_community_code LIKE '210102001002%') ORDER BY received_at DESC, id DESC LIMIT 21",
                    ["district due-soon list"] = $"SELECT id FROM {cases} WHERE (accepting_community_code LIKE '210102%' OR home_community_code LIKE '210102%') AND due_at IS NOT NULL AND NOT is_overdue AND due_at >= '{now}' AND due_at <= '{soon}' AND state NOT IN (2, 7) ORDER BY received_at DESC, id DESC LIMIT 21",
                    ["city due-soon list"] = $"SELECT id FROM {cases} WHERE due_at IS NOT NULL AND NOT is_overdue AND due_at >= '{now}' AND due_at <= '{soon}' AND state NOT IN (2, 7) ORDER BY received_at DESC, id DESC LIMIT 21",
                };
                foreach (var (name, sql) in plans)
                {
                    await using var command = db.CreateCommand();
                    command.CommandText = "EXPLAIN QUERY PLAN " + sql;
                    await using var reader = await command.ExecuteReaderAsync();
                    var lines = new List<string>();
                    while (await reader.ReadAsync()) lines.Add(reader.GetString(3));
                    Say($"- {name}: `{string.Join(" · ", lines)}`");
                }
            }
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
        return new Timing(name, Program.Percentile(sorted, 0.50), Program.Percentile(sorted, 0.95), sorted[^1], status);
    }

    private static async Task<object?> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteScalarAsync();
    }
}
