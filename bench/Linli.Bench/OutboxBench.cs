using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Bench;

/// <summary>
/// The notification sender's throughput (messages from the outbox into the in-app inbox per second), against the
/// database's own rate for the same work in the same run. The real server runs with its sender polling every second;
/// the benchmark writes a batch of messages into the outbox in one transaction and times how long the server takes to
/// deliver them all (counting the unsent rows). With the server stopped, it then does the same work itself with plain
/// SQL on one connection — claim 100 messages (FOR UPDATE SKIP LOCKED on PostgreSQL), look up which keys the inbox holds,
/// insert the rest in one statement, mark the batch sent, commit — and reports both rates and their ratio.
/// Works on the schema before and after the inbox moved to Platform (requests.inbox → notifications.inbox).
/// </summary>
internal static class OutboxBench
{
    private const int Batch = 100;

    public static async Task<int> RunAsync(Options o, int messages)
    {
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        var connect = Connector(o);
        await using var db = connect();
        await db.OpenAsync();
        var postgres = db is NpgsqlConnection;
        var tables = await Tables.DetectAsync(db, postgres);
        Say($"\n## {o.Label}: {(postgres ? "PostgreSQL" : "SQLite")} {db.ServerVersion}, {Environment.ProcessorCount} cores, {messages:N0} messages per run, inbox table {tables.Inbox}");

        // ---- the server's sender ----
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var server = StartServer(o, url);
        double senderRate;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await WaitHealthyAsync(http, server);
            await FillAsync(db, tables, postgres, 5_000, "warm"); // JIT and first passes, unmeasured
            await WaitDrainedAsync(db, tables, TimeSpan.FromMinutes(5));
            var sw = await FillAsync(db, tables, postgres, messages, "run");
            var start = Stopwatch.GetTimestamp();
            await WaitDrainedAsync(db, tables, TimeSpan.FromMinutes(30));
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            senderRate = messages / seconds;
            Say($"- server's sender: {messages:N0} messages delivered in {seconds:F1} s: **{senderRate:N0} messages/s** (filling the outbox took {sw.TotalSeconds:F1} s, not counted)");
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }
        }

        // ---- the same work in plain SQL ----
        await FillAsync(db, tables, postgres, messages, "raw");
        var rawStart = Stopwatch.GetTimestamp();
        var delivered = await DrainRawAsync(db, tables, postgres);
        var rawSeconds = Stopwatch.GetElapsedTime(rawStart).TotalSeconds;
        var rawRate = delivered / rawSeconds;
        Say($"- plain SQL, same work (claim {Batch}, look up keys, insert the batch into the inbox, mark sent, commit): {delivered:N0} in {rawSeconds:F1} s: **{rawRate:N0} messages/s**");
        Say($"- ratio sender / plain SQL: **{senderRate / rawRate:F2}**");

        if (o.Report is { } path) await File.AppendAllTextAsync(path, report.ToString());
        return 0;
    }

    /// <summary>Where the outbox and the inbox are in this schema version.</summary>
    private sealed record Tables(string Outbox, string Inbox, bool InboxInPlatform)
    {
        public static async Task<Tables> DetectAsync(DbConnection db, bool postgres)
        {
            await using var command = db.CreateCommand();
            command.CommandText = postgres
                ? "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'notifications' AND table_name = 'inbox'"
                : "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'notifications_inbox'";
            var platform = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
            string T(string schema, string table) => postgres ? $"{schema}.{table}" : $"{schema}_{table}";
            return new Tables(T("requests", "outbox"), platform ? T("notifications", "inbox") : T("requests", "inbox"), platform);
        }
    }

    private static readonly string[] Recipients = ["dept:water", "area:210102001002", "area:2101", "user:bench-resident"];

    /// <summary>Writes <paramref name="count"/> unsent messages in one transaction.</summary>
    private static async Task<TimeSpan> FillAsync(DbConnection db, Tables tables, bool postgres, int count, string tag)
    {
        var sw = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        await using var transaction = await db.BeginTransactionAsync();
        const int rowsPerInsert = 500;
        for (var done = 0; done < count; done += rowsPerInsert)
        {
            var n = Math.Min(rowsPerInsert, count - done);
            await using var command = db.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder($"INSERT INTO {tables.Outbox} (key, recipient, subject, body, created_at, attempts) VALUES ");
            for (var i = 0; i < n; i++)
            {
                if (i > 0) sql.Append(',');
                sql.Append(CultureInfo.InvariantCulture, $"(@k{i}, @r{i}, '新派工单', @b{i}, @now, 0)");
                Add(command, $"k{i}", postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant());
                Add(command, $"r{i}", Recipients[(done + i) % Recipients.Length]);
                Add(command, $"b{i}", $"压测 {tag} 第 {done + i} 条：工单已派至本单位，请在时限内签收。");
            }
            Add(command, "now", postgres ? now : now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return sw.Elapsed;
    }

    private static async Task<long> UnsentAsync(DbConnection db, Tables tables)
    {
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {tables.Outbox} WHERE sent_at IS NULL";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task WaitDrainedAsync(DbConnection db, Tables tables, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (await UnsentAsync(db, tables) > 0)
        {
            if (Stopwatch.GetTimestamp() > until) throw new TimeoutException("The server did not drain the outbox.");
            await Task.Delay(50);
        }
    }

    /// <summary>The sender's work as plain SQL on one connection, a batch per transaction, until nothing is unsent.</summary>
    private static async Task<long> DrainRawAsync(DbConnection db, Tables tables, bool postgres)
    {
        long delivered = 0;
        var aboutColumns = tables.InboxInPlatform ? "about_kind, about_id" : "ticket_id";
        var aboutValues = tables.InboxInPlatform ? "NULL, NULL" : "NULL";
        while (true)
        {
            await using var transaction = await db.BeginTransactionAsync();
            var batch = new List<(long Id, object Key, string Recipient, string Subject, string Body)>(Batch);
            await using (var claim = db.CreateCommand())
            {
                claim.Transaction = transaction;
                claim.CommandText = $"SELECT id, key, recipient, subject, body FROM {tables.Outbox} WHERE sent_at IS NULL ORDER BY id LIMIT {Batch}" +
                                    (postgres ? " FOR UPDATE SKIP LOCKED" : "");
                await using var reader = await claim.ExecuteReaderAsync();
                while (await reader.ReadAsync()) batch.Add((reader.GetInt64(0), reader.GetValue(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
            }
            if (batch.Count == 0) return delivered;
            var held = new HashSet<string>();
            await using (var lookup = db.CreateCommand())
            {
                lookup.Transaction = transaction;
                lookup.CommandText = $"SELECT key FROM {tables.Inbox} WHERE key IN ({string.Join(",", batch.Select((_, i) => "@k" + i))})";
                for (var i = 0; i < batch.Count; i++) Add(lookup, "k" + i, batch[i].Key);
                await using var reader = await lookup.ExecuteReaderAsync();
                while (await reader.ReadAsync()) held.Add(reader.GetValue(0).ToString()!);
            }
            var now = DateTime.UtcNow;
            object nowValue = postgres ? now : now.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            var fresh = batch.Where(m => !held.Contains(m.Key.ToString()!)).ToList();
            if (fresh.Count > 0)
            {
                await using var insert = db.CreateCommand();
                insert.Transaction = transaction;
                var sql = new StringBuilder($"INSERT INTO {tables.Inbox} (key, recipient, subject, body, {aboutColumns}, created_at) VALUES ");
                for (var i = 0; i < fresh.Count; i++)
                {
                    if (i > 0) sql.Append(',');
                    sql.Append(CultureInfo.InvariantCulture, $"(@k{i}, @r{i}, @s{i}, @b{i}, {aboutValues}, @now)");
                    Add(insert, "k" + i, fresh[i].Key);
                    Add(insert, "r" + i, fresh[i].Recipient);
                    Add(insert, "s" + i, fresh[i].Subject);
                    Add(insert, "b" + i, fresh[i].Body);
                }
                Add(insert, "now", nowValue);
                insert.CommandText = sql.ToString();
                await insert.ExecuteNonQueryAsync();
            }
            await using (var mark = db.CreateCommand())
            {
                mark.Transaction = transaction;
                mark.CommandText = $"UPDATE {tables.Outbox} SET sent_at = @now WHERE id IN ({string.Join(",", batch.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)))})";
                Add(mark, "now", nowValue);
                await mark.ExecuteNonQueryAsync();
            }
            await transaction.CommitAsync();
            delivered += batch.Count;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = "@" + name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static Func<DbConnection> Connector(Options o) => o.Db == "postgres"
        ? () => new NpgsqlConnection(o.Connection)
        : () =>
        {
            var connection = new SqliteConnection($"Data Source={Path.Combine(o.DataFolder!, "linli.db")};Default Timeout=60");
            connection.StateChange += (_, e) =>
            {
                if (e.CurrentState == System.Data.ConnectionState.Open && connection.Handle is { } handle) SQLitePCL.raw.sqlite3_busy_timeout(handle, 10_000);
            };
            return connection;
        };

    private static Process StartServer(Options o, string url)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { o.App, "--urls", url, "--Demo:Enabled=false", "--Requests:PollSeconds=1", "--Logging:LogLevel:Default=Warning" })
            info.ArgumentList.Add(a);
        if (o.Db == "postgres")
        {
            info.ArgumentList.Add("--Database:Provider=Postgres");
            info.ArgumentList.Add("--Database:ConnectionString=" + o.Connection);
        }
        else info.ArgumentList.Add("--Database:DataFolder=" + o.DataFolder);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line && line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)) Console.Error.WriteLine("server: " + line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) Console.Error.WriteLine("server: " + line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process server)
    {
        var until = DateTime.UtcNow.AddMinutes(10);
        while (DateTime.UtcNow < until)
        {
            if (server.HasExited) throw new InvalidOperationException($"The server exited with {server.ExitCode}.");
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        throw new TimeoutException("The server did not become healthy.");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
