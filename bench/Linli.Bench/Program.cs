using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Linli.Bench;

/// <summary>
/// Intake and metrics benchmark. Starts the real server on loopback (or targets a running one), drives
/// sustained POSTs for a number of seconds at a given concurrency through Open311 (POST requests.json) and the internal
/// JSON intake API, and measures in the same run the database's own insert rate for the same rows at the same
/// concurrency (plain INSERTs over as many connections), then times the whole-city metrics aggregate over the tickets.
/// Prints a Markdown report (and appends it to --report).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "audit") return await AuditBench.RunAsync(args[1..]);
        if (args.Length > 0 && args[0] == "classifier") return ClassifierBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "hotspots") return HotspotsBench.Run(args[1..]);
        if (args.Length > 0 && args[0] == "facilities-accessibility") return await FacilitiesAccessibilityBench.RunAsync(args[1..]);
        var o = Options.Parse(args);
        if (o.Mode == "outbox") return await OutboxBench.RunAsync(o, o.Messages);
        if (o.Raw.ContainsKey("lists")) return await ListsBench.RunAsync(o, o.Raw);
        if (o.Mode == "appointments") return await AppointmentsBench.RunAsync(o);
        if (o.Mode == "servicedesk") return await ServiceDeskBench.RunAsync(o);
        if (o.Mode == "indicators") return await IndicatorsBench.RunAsync(o);
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Process? server = null;
        var url = o.Url;
        try
        {
            if (url is null)
            {
                var port = FreePort();
                url = $"http://127.0.0.1:{port}";
                server = StartServer(o, url);
            }
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await WaitHealthyAsync(http, server);

            await using var db = Database.Open(o);
            var points = await db.PointsAsync();
            var leaves = await db.LeavesAsync();
            var tickets = await db.CountTicketsAsync();
            Say($"\n## {o.Label}: {db.Name}, {Environment.ProcessorCount} cores, concurrency {o.Concurrency}, {o.Duration} s per run (+{o.Warmup} s warm-up; {o.ServerWarmup} s per endpoint after the server starts, unmeasured), {tickets:N0} tickets in the database");

            var token = await TokenAsync(http, "demo.hotline");
            var key = o.ApiKey;

            Task<HttpResponseMessage> Open311Request(Random random, long n)
            {
                var (lon, lat) = points[random.Next(points.Count)];
                var (category, _) = leaves[random.Next(leaves.Count)];
                var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["api_key"] = key, ["service_code"] = category.ToString(CultureInfo.InvariantCulture),
                    ["lat"] = lat.ToString("R", CultureInfo.InvariantCulture), ["long"] = lon.ToString("R", CultureInfo.InvariantCulture),
                    ["description"] = "压测：路灯不亮（bench）", ["phone"] = $"140{random.Next(0, 100_000_000):D8}",
                });
                return http.PostAsync("/open311/v2/requests.json", form);
            }

            Task<HttpResponseMessage> InternalRequest(Random random, long n)
            {
                var (lon, lat) = points[random.Next(points.Count)];
                var (category, _) = leaves[random.Next(leaves.Count)];
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests/tickets")
                {
                    Content = JsonContent.Create(new { description = "压测：路灯不亮（bench）", categoryId = category, longitude = lon, latitude = lat, contactPhone = $"140{random.Next(0, 100_000_000):D8}" }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return http.SendAsync(request);
            }

            // The server has just started: its JIT tiers up and its background jobs take their first pass over the seeded
            // history. Both endpoints run unmeasured first, so the first measured run does not pay for that alone.
            await LoadAsync(o with { Warmup = o.ServerWarmup, Duration = 0 }, Open311Request);
            await LoadAsync(o with { Warmup = o.ServerWarmup, Duration = 0 }, InternalRequest);

            if (o.Only is { } only)
            {
                // One HTTP run alone, to profile the server: no baseline, no ratio.
                Say(Line("HTTP " + only, await LoadAsync(o, only == "open311" ? Open311Request : InternalRequest)));
                return 0;
            }

            var open311 = await LoadAsync(o, Open311Request);
            Say(Line("HTTP Open311 POST requests.json", open311));

            var internalApi = await LoadAsync(o, InternalRequest);
            Say(Line("HTTP internal POST /api/requests/tickets", internalApi));

            var raw311 = await db.RawInsertAsync(o, leaves, points, withSubmission: true);
            Say(Line("DB raw INSERT ticket+action+outbox+open311 row", raw311));
            var raw = await db.RawInsertAsync(o, leaves, points, withSubmission: false);
            Say(Line("DB raw INSERT ticket+action+outbox", raw));
            Say($"- ratio Open311 / raw: **{open311.Rate / raw311.Rate:F2}**; internal API / raw: **{internalApi.Rate / raw.Rate:F2}** (goal ≥ 0.50)");

            var metrics = await db.MetricsAsync();
            Say($"- whole-city metrics aggregate (per district × category × state: count, on-time sign/finish, satisfied, overdue, returns, average handling) over {tickets:N0} tickets: " +
                $"best {metrics.Best.TotalMilliseconds:F0} ms, median {metrics.Median.TotalMilliseconds:F0} ms of {metrics.Runs} runs, {metrics.Groups:N0} groups (goal < 1000 ms at 1 million)");
            if (o.MetricsEndpoint is { } endpoint)
            {
                var supervisor = await TokenAsync(http, "demo.supervisor");
                var times = new List<double>();
                for (var i = 0; i < 5; i++)
                {
                    var sw = Stopwatch.StartNew();
                    using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", supervisor);
                    using var response = await http.SendAsync(request);
                    times.Add(sw.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode) { Say($"- metrics endpoint {endpoint}: HTTP {(int)response.StatusCode}"); break; }
                }
                Say($"- metrics endpoint {endpoint}: best {times.Min():F0} ms, median {times.Order().ElementAt(times.Count / 2):F0} ms");
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

    // ---- load ---------------------------------------------------------------------------------------------------------

    internal sealed record Result(long Ok, long Failed, double Seconds, double P50, double P99, string? FirstError)
    {
        public double Rate => Ok / Seconds;
    }

    private static string Line(string what, Result r) =>
        $"- {what}: **{r.Rate:N0} tickets/s**, p50 {r.P50:F1} ms, p99 {r.P99:F1} ms ({r.Ok:N0} ok, {r.Failed:N0} failed{(r.FirstError is null ? "" : ": " + r.FirstError)})";

    /// <summary>Concurrency workers send back to back; the warm-up is not counted.</summary>
    private static async Task<Result> LoadAsync(Options o, Func<Random, long, Task<HttpResponseMessage>> send)
    {
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(o.Warmup * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(o.Duration * Stopwatch.Frequency);
        string? firstError = null;
        var workers = Enumerable.Range(0, o.Concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(1000 + w);
            var latencies = new List<double>(100_000);
            long ok = 0, failed = 0, n = 0;
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= stopAt) break;
                bool success;
                try
                {
                    using var response = await send(random, n++);
                    success = response.IsSuccessStatusCode;
                    if (!success) Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode} {Trim(await response.Content.ReadAsStringAsync())}", null);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    success = false;
                    Interlocked.CompareExchange(ref firstError, e.GetType().Name + ": " + e.Message, null);
                }
                var t1 = Stopwatch.GetTimestamp();
                if (t0 < measureFrom) continue;
                if (success)
                {
                    ok++;
                    latencies.Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
                }
                else failed++;
            }
            return (ok, failed, latencies);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        return new Result(results.Sum(r => r.ok), results.Sum(r => r.failed), o.Duration, Percentile(all, 0.50), Percentile(all, 0.99), firstError);
    }

    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static string Trim(string s) => s.Length <= 200 ? s : s[..200];

    // ---- the server -------------------------------------------------------------------------------------------------------

    internal static Process StartServer(Options o, string url)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { o.App, "--urls", url, "--Demo:Enabled=true", "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore=Warning" })
            info.ArgumentList.Add(a);
        if (o.Db == "postgres")
        {
            info.ArgumentList.Add("--Database:Provider=Postgres");
            info.ArgumentList.Add("--Database:ConnectionString=" + o.Connection);
        }
        else info.ArgumentList.Add("--Database:DataFolder=" + o.DataFolder);
        // --server-arg "--Key=value" (repeatable as a ';'-separated list): configuration for the server, e.g. rate limits set high.
        if (o.Raw.TryGetValue("server-args", out var extra))
            foreach (var a in extra.Split(';', StringSplitOptions.RemoveEmptyEntries)) info.ArgumentList.Add(a);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)) Console.Error.WriteLine("server: " + Trim(line)); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("server: " + Trim(line)); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static async Task WaitHealthyAsync(HttpClient http, Process? server)
    {
        var until = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < until)
        {
            if (server is { HasExited: true }) throw new InvalidOperationException($"The server exited with {server.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("The server did not become healthy.");
    }

    internal static async Task<string> TokenAsync(HttpClient http, string user)
    {
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Linli#2026" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    internal static int FreePortNumber() => FreePort();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed record Options(string App, string Db, string? Connection, string? DataFolder, string? Url, int Concurrency, double Duration, double Warmup,
    string ApiKey, string Label, string? Report, string? MetricsEndpoint, string? Only, double ServerWarmup, string Mode = "intake", int Messages = 200_000)
{
    /// <summary>Every argument as given, for modes with options of their own (--lists).</summary>
    public IReadOnlyDictionary<string, string> Raw { get; init; } = new Dictionary<string, string>();

    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected '{args[i]}'.");
            map[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
        string? Get(string k) => map.TryGetValue(k, out var v) ? v : null;
        var db = (Get("db") ?? "sqlite").ToLowerInvariant();
        return new Options(
            Get("app") ?? Path.GetFullPath("src/Linli/bin/Release/net10.0/Linli.dll"), db, Get("connection"), Get("data-folder"), Get("url"),
            int.Parse(Get("concurrency") ?? "32", CultureInfo.InvariantCulture), double.Parse(Get("duration") ?? "20", CultureInfo.InvariantCulture),
            double.Parse(Get("warmup") ?? "3", CultureInfo.InvariantCulture), Get("api-key") ?? "linli-demo-open311-key", Get("label") ?? db,
            Get("report"), Get("metrics-endpoint"), Get("only"), double.Parse(Get("server-warmup") ?? "10", CultureInfo.InvariantCulture),
            Get("mode") ?? "intake", int.Parse(Get("messages") ?? "200000", CultureInfo.InvariantCulture)) { Raw = map };
    }
}
