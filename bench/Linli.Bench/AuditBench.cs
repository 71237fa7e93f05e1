using System.Diagnostics;
using System.Globalization;
using System.Text;
using Linli.Platform;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

#pragma warning disable EF1002, EF1003 // table and index names are constants of the benchmark, values are parameters

namespace Linli.Bench;

/// <summary>
/// The audit log's costs, in-process on the product's own services (the platform module on a real database):
/// appending chained entries at a concurrency against the database's plain insert of the same rows into a copy of the
/// table (the floor); verifying a million entries against a plain streamed read of them; the page's queries over a
/// million entries. Every figure comes with its baseline from the same run.
/// </summary>
internal static class AuditBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Parse(args);
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = o.Db == "postgres" ? "Postgres" : "Sqlite",
            ["Database:ConnectionString"] = o.Connection,
            ["Database:DataFolder"] = o.DataFolder,
            ["PersonalData:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Demo:Enabled"] = "false",
            ["Audit:CheckpointSeconds"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPlatform();
        await using var app = builder.Build();
        await app.Services.PrepareAsync();
        o.Services = app.Services;

        Say($"\n## Audit log, {o.Db}: {Environment.ProcessorCount} cores, concurrency {o.Concurrency}, {o.Duration} s per run, {o.Entries:N0} entries for verification and queries");

        // 1. Appending: the chained writer (lock, head, hash, insert, commit) against plain inserts of the same row.
        await PlainTableAsync(app.Services, create: true);
        var plain = await LoadAsync(o, async (sp, n) =>
        {
            var db = sp.GetRequiredService<AuditDbContext>();
            await PlainInsertAsync(db, n);
        });
        var chained = await LoadAsync(o, async (sp, n) =>
            await sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord(AuditActions.Reveal, AuditSubjects.Resident, n.ToString(CultureInfo.InvariantCulture), "210102001002")
            {
                Field = "idNumber", Reason = "压测：核对身份", Actor = new AuditActor("bench", "bench.user", "压测用户"),
            }));
        Say("| append | entries/s | p50 ms | p99 ms |");
        Say("|---|---|---|---|");
        Say($"| plain INSERT of the same row (baseline) | {plain.Rate:N0} | {plain.P50:0.0} | {plain.P99:0.0} |");
        Say($"| chained IAuditLog.RecordAsync | {chained.Rate:N0} | {chained.P50:0.0} | {chained.P99:0.0} |");
        Say($"- ratio chained / plain: throughput {chained.Rate / plain.Rate:0.00}, p99 latency {chained.P99 / plain.P99:0.00}");
        await PlainTableAsync(app.Services, create: false);
        Say($"- verify after concurrent appends: {Describe(await VerifyAsync(app.Services, null))}");

        // 2. A million entries (chained in memory, bulk-written), then verification streamed against a plain read.
        var existing = await WithDbAsync(app.Services, db => db.Entries.CountAsync());
        var toAdd = Math.Max(0, o.Entries - existing);
        var seeding = Stopwatch.StartNew();
        await SeedAsync(app.Services, toAdd);
        Say($"- seeded {toAdd:N0} chained entries in {seeding.Elapsed.TotalSeconds:0.0} s");

        var read = Stopwatch.StartNew();
        long rows = 0, bytes = 0;
        await WithDbAsync(app.Services, async db =>
        {
            await foreach (var e in db.Entries.AsNoTracking().OrderBy(e => e.Sequence).ThenBy(e => e.Id).AsAsyncEnumerable())
            {
                rows++;
                bytes += e.Hash.Length + e.Reason.Length;
            }
            return 0;
        });
        read.Stop();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var verify = Stopwatch.StartNew();
        var progressReports = 0;
        var result = await VerifyAsync(app.Services, new Progress(() =>
        {
            progressReports++;
            peak = Math.Max(peak, GC.GetTotalMemory(false));
        }));
        verify.Stop();
        Say("| verification | entries | seconds | entries/s |");
        Say("|---|---|---|---|");
        Say($"| plain streamed read of every entry (baseline) | {rows:N0} | {read.Elapsed.TotalSeconds:0.0} | {rows / read.Elapsed.TotalSeconds:N0} |");
        Say($"| verify (HMAC of each, links, anchors) | {result.Verified:N0} | {verify.Elapsed.TotalSeconds:0.0} | {result.Verified / verify.Elapsed.TotalSeconds:N0} |");
        Say($"- ratio verify / plain read: {verify.Elapsed.TotalSeconds / read.Elapsed.TotalSeconds:0.00} × the time; {progressReports} progress reports; managed heap grew by at most {(peak - before) / 1048576.0:0.0} MB over {before / 1048576.0:0.0} MB while verifying (streamed); outcome: {Describe(result)}");

        // 3. The page's queries at this size (median of 5, after one warm-up), as a city-wide and a district supervisor.
        Say("| audit page query over " + rows.ToString("N0", CultureInfo.InvariantCulture) + " entries | median ms | p95-of-5 ms |");
        Say("|---|---|---|");
        var sample = await WithDbAsync(app.Services, db => db.Entries.AsNoTracking().OrderBy(e => e.Sequence).Skip((int)(rows / 2)).FirstAsync());
        var day = sample.At.Date;
        var slowest = 0.0;
        foreach (var (name, scope, filter, page) in new (string, string, AuditFilter, int)[]
                 {
                     ("city, no filter, page 1", "2101", new AuditFilter(), 1),
                     ("city, no filter, page 200 (the last counted)", "2101", new AuditFilter(), 200),
                     ("district scope, no filter", sample.RegionCode[..6], new AuditFilter(), 1),
                     ("city, one user", "2101", new AuditFilter { UserName = sample.UserName }, 1),
                     ("city, one action", "2101", new AuditFilter { Action = AuditActions.Export }, 1),
                     ("city, one community", "2101", new AuditFilter { Region = sample.RegionCode }, 1),
                     ("city, one record", "2101", new AuditFilter { SubjectType = sample.SubjectType, SubjectId = sample.SubjectId }, 1),
                     ("city, one day", "2101", new AuditFilter { FromUtc = day, ToUtc = day.AddDays(1) }, 1),
                     ("district, one action, one month", sample.RegionCode[..6], new AuditFilter { Action = AuditActions.Reveal, FromUtc = day.AddDays(-30), ToUtc = day }, 1),
                 })
        {
            var times = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                var watch = Stopwatch.StartNew();
                await WithDbAsync(app.Services, db => AuditQuery.PageAsync(db, new Scope(scope), filter, page, 50, CancellationToken.None));
                if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            slowest = Math.Max(slowest, times[^1]);
            Say($"| {name} | {times[2]:0.0} | {times[^1]:0.0} |");
        }
        Say($"- slowest query {slowest:0.0} ms against the 300 ms budget: {slowest / 300:0.00} of it");

        if (o.Report is { } file) await File.AppendAllTextAsync(file, report.ToString());
        return 0;
    }

    private static string Describe(AuditVerification r) => r.Break is { } b ? $"BROKEN ({b.Kind} at {b.Sequence})" : $"intact, {r.Verified:N0} entries";

    private sealed class Progress(Action report) : IProgress<AuditVerifyProgress>
    {
        public void Report(AuditVerifyProgress value) => report();
    }

    private sealed class Scope(string prefix) : IAreaScope
    {
        public string? RegionPrefix => prefix;
        public string? DepartmentCode => null;
        public string? UserId => "bench";
        public string? UserName => "bench";
    }

    private static async Task<T> WithDbAsync<T>(IServiceProvider services, Func<AuditDbContext, Task<T>> use)
    {
        using var scope = services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<AuditDbContext>());
    }

    private static Task<AuditVerification> VerifyAsync(IServiceProvider services, IProgress<AuditVerifyProgress>? progress)
    {
        var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(progress, CancellationToken.None)
            .ContinueWith(t => { scope.Dispose(); return t.Result; }, TaskScheduler.Default);
    }

    // A copy of the entries table's columns (no chain) for the baseline inserts.
    private static async Task PlainTableAsync(IServiceProvider services, bool create)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseSession>().AsOwner = true;
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var postgres = db.Database.IsNpgsql();
        var sql = create
            ? postgres ? "CREATE TABLE audit.bench_plain (LIKE audit.entries INCLUDING ALL)" : "CREATE TABLE bench_plain AS SELECT * FROM audit_entries WHERE 0"
            : postgres ? "DROP TABLE audit.bench_plain" : "DROP TABLE bench_plain";
        await db.Database.ExecuteSqlRawAsync(sql);
        if (create && !postgres)
            foreach (var index in new[] { "sequence", "at", "region_code, at", "subject_type, subject_id, at", "user_name, at", "action, at" })
                await db.Database.ExecuteSqlRawAsync($"CREATE INDEX \"ix_bench_plain_{index.Replace(", ", "_", StringComparison.Ordinal)}\" ON bench_plain ({index})");
    }

    private static async Task PlainInsertAsync(AuditDbContext db, long n)
    {
        var table = db.Database.IsNpgsql() ? "audit.bench_plain" : "bench_plain";
        var at = DateTime.UtcNow;
        var hash = new byte[32];
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {table} ({(db.Database.IsNpgsql() ? "" : "id, ")}sequence, at, user_id, user_name, user_display_name, action, subject_type, subject_id, subject_label, region_code, field, reason, count, key_id, previous_hash, hash) " +
            $"VALUES ({(db.Database.IsNpgsql() ? "" : "{15}, ")}{{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}, {{7}}, {{8}}, {{9}}, {{10}}, {{11}}, NULL, {{12}}, {{13}}, {{14}})",
            n, at, "bench", "bench.user", "压测用户", AuditActions.Reveal, AuditSubjects.Resident, n.ToString(CultureInfo.InvariantCulture), "", "210102001002",
            "idNumber", "压测：核对身份", "0123456789abcdef", hash, hash, n);
    }

    private sealed record Result(double Rate, double P50, double P99);

    private static async Task<Result> LoadAsync(BenchOptions o, Func<IServiceProvider, long, Task> act)
    {
        long counter = 0;
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var stop = DateTime.UtcNow.AddSeconds(o.Duration);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, o.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                var n = Interlocked.Increment(ref counter);
                var watch = Stopwatch.StartNew();
                using (var scope = o.Services!.CreateScope()) await act(scope.ServiceProvider, n);
                latencies.Add(watch.Elapsed.TotalMilliseconds);
            }
        })));
        var sorted = latencies.Order().ToArray();
        return new Result(sorted.Length / total.Elapsed.TotalSeconds, Program.Percentile(sorted, 0.5), Program.Percentile(sorted, 0.99));
    }

    // A year of entries for a city: many users, the actions in plausible shares, communities across 13 districts.
    private static async Task SeedAsync(IServiceProvider services, long count)
    {
        if (count == 0) return;
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseSession>().AsOwner = true;
        var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<AuditChainKeys>();
        var head = await db.Entries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash, e.At }).FirstOrDefaultAsync();
        var random = new Random(42);
        string[] actions = [AuditActions.Reveal, AuditActions.Reveal, AuditActions.SearchByNumber, AuditActions.SearchByNumber, AuditActions.SignIn, AuditActions.SignIn,
            AuditActions.SignIn, AuditActions.OutOfScope, AuditActions.Export, AuditActions.AccountChanged, AuditActions.CategoryChanged];
        var start = (head?.At ?? DateTime.UtcNow).AddDays(-365);
        var step = TimeSpan.FromDays(365).Ticks / Math.Max(1, count);
        IEnumerable<object?[]> Rows()
        {
            var previous = head?.Hash is { Length: 32 } h ? h : AuditChain.Genesis;
            var sequence = head?.Sequence ?? 0;
            for (long i = 0; i < count; i++)
            {
                var user = random.Next(5000);
                var e = new AuditEntry
                {
                    Sequence = ++sequence, At = AuditChain.ToStoredPrecision(new DateTime(start.Ticks + i * step, DateTimeKind.Utc)),
                    UserId = "u" + user, UserName = "staff" + user, UserDisplayName = "工作人员" + user, Action = actions[random.Next(actions.Length)],
                    SubjectType = AuditSubjects.Resident, SubjectId = random.Next(9_000_000).ToString(CultureInfo.InvariantCulture),
                    RegionCode = string.Create(CultureInfo.InvariantCulture, $"2101{random.Next(1, 14):D2}{random.Next(1, 16):D3}{random.Next(1, 16):D3}"),
                    Field = "idNumber", Reason = "核对身份", KeyId = keys.CurrentId, PreviousHash = previous,
                };
                e.Hash = AuditChain.ComputeHash(keys.CurrentKey, e);
                previous = e.Hash;
                yield return [e.Sequence, e.At, e.UserId, e.UserName, e.UserDisplayName, e.Action, e.SubjectType, e.SubjectId, e.SubjectLabel, e.RegionCode,
                    e.Field, e.Reason, e.Count, e.KeyId, e.PreviousHash, e.Hash];
            }
        }
        string[] properties = [nameof(AuditEntry.Sequence), nameof(AuditEntry.At), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.UserDisplayName),
            nameof(AuditEntry.Action), nameof(AuditEntry.SubjectType), nameof(AuditEntry.SubjectId), nameof(AuditEntry.SubjectLabel), nameof(AuditEntry.RegionCode),
            nameof(AuditEntry.Field), nameof(AuditEntry.Reason), nameof(AuditEntry.Count), nameof(AuditEntry.KeyId), nameof(AuditEntry.PreviousHash), nameof(AuditEntry.Hash)];
        await BulkWriter.WriteAsync<AuditEntry>(db, properties, Rows());
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync("ANALYZE audit.entries");
        else await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    internal sealed record BenchOptions(string Db, string? Connection, string? DataFolder, int Concurrency, double Duration, long Entries, string? Report)
    {
        public IServiceProvider? Services { get; set; }
    }

    private static BenchOptions Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) map[args[i].TrimStart('-')] = args[i + 1];
        return new BenchOptions(map.GetValueOrDefault("db", "sqlite"), map.GetValueOrDefault("connection"), map.GetValueOrDefault("data-folder"),
            int.Parse(map.GetValueOrDefault("concurrency", "16"), CultureInfo.InvariantCulture), double.Parse(map.GetValueOrDefault("duration", "10"), CultureInfo.InvariantCulture),
            long.Parse(map.GetValueOrDefault("entries", "1000000"), CultureInfo.InvariantCulture), map.GetValueOrDefault("report"));
    }
}
