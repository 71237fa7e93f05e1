using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Bench;

/// <summary>The benchmark's own connections to the server's database: test data, the raw insert baseline, the metrics query.</summary>
internal sealed class Database : IAsyncDisposable
{
    private readonly Func<DbConnection> _connect;
    private readonly DbConnection _connection;
    private readonly bool _postgres;

    private Database(Func<DbConnection> connect, bool postgres)
    {
        _connect = connect;
        _postgres = postgres;
        _connection = connect();
        _connection.Open();
    }

    public string Name => _postgres ? "PostgreSQL " + _connection.ServerVersion : "SQLite " + _connection.ServerVersion;

    public static Database Open(Options o) => o.Db == "postgres"
        ? new Database(() => new NpgsqlConnection(new NpgsqlConnectionStringBuilder(o.Connection) { MaxPoolSize = Math.Max(100, o.Concurrency * 2) }.ConnectionString), true)
        : new Database(() => new SqliteConnection($"Data Source={Path.Combine(o.DataFolder!, "linli.db")};Default Timeout=60;Pooling=True"), false);

    private string T(string table) => _postgres ? $"requests.{table}" : $"requests_{table}";
    private string R(string table) => _postgres ? $"regions.{table}" : $"regions_{table}";

    private async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }

    /// <summary>Grid centres (else community centres) of the city: points intake places.</summary>
    public async Task<List<(double Lon, double Lat)>> PointsAsync()
    {
        var points = await QueryAsync($"SELECT longitude, latitude FROM {R("regions")} WHERE level = 5 AND longitude IS NOT NULL ORDER BY code",
            r => (r.GetDouble(0), r.GetDouble(1)));
        if (points.Count == 0)
            points = await QueryAsync($"SELECT longitude, latitude FROM {R("regions")} WHERE level = 4 AND longitude IS NOT NULL ORDER BY code", r => (r.GetDouble(0), r.GetDouble(1)));
        return points;
    }

    /// <summary>Leaf categories without attributes (any Open311 client can file them) and their current rule.</summary>
    public Task<List<(int Category, int Rule)>> LeavesAsync() => QueryAsync(
        $"SELECT c.id, r.id FROM {T("categories")} c JOIN {T("routing_rules")} r ON r.category_id = c.id AND r.is_current " +
        $"WHERE c.level = 3 AND NOT c.is_retired AND c.id NOT IN (SELECT category_id FROM {T("service_attributes")}) ORDER BY c.id",
        r => (r.GetInt32(0), r.GetInt32(1)));

    /// <summary>Days before yesterday (China time) not yet in the metrics' roll-up: the server's job fills them in after start.</summary>
    /// <summary>Days before today that a roll-up (the tickets' metrics, the service cases' statistics) has not built yet.</summary>
    public async Task<long> RollupBacklogAsync()
    {
        var sd = _postgres ? "servicedesk." : "servicedesk_";
        return await BacklogAsync($"SELECT min(created_at) FROM {T("tickets")}", $"SELECT count(*) FROM {T("ticket_stats_days")}")
               + await BacklogAsync($"SELECT min(received_at) FROM {sd}service_cases", $"SELECT count(*) FROM {sd}case_stats_days");
    }

    private async Task<long> BacklogAsync(string firstSql, string doneSql)
    {
        var first = (await QueryAsync(firstSql, r => r.IsDBNull(0) ? (DateTime?)null : r.GetDateTime(0)))[0];
        if (first is null) return 0;
        var china = TimeSpan.FromHours(8);
        var days = DateOnly.FromDateTime(DateTime.UtcNow + china - TimeSpan.FromMinutes(5)).DayNumber - DateOnly.FromDateTime(first.Value.ToUniversalTime() + china).DayNumber;
        var done = (await QueryAsync(doneSql, r => r.GetInt64(0)))[0];
        return Math.Max(0, days - done);
    }

    public async Task<long> CountResidentsAsync() =>
        (await QueryAsync($"SELECT count(*) FROM {(_postgres ? "residents.residents" : "residents_residents")}", r => r.GetInt64(0)))[0];

    /// <summary>Ids and codes inside the demo accounts' scopes (community 210102001002 of 和平区) for the list benchmark.</summary>
    public async Task<ListSample> ListSampleAsync()
    {
        const string community = "210102001002";
        var residents = _postgres ? "residents.residents" : "residents_residents";
        var grid = (await QueryAsync($"SELECT code FROM {R("regions")} WHERE level = 5 AND code LIKE '{community}%' ORDER BY code LIMIT 1", r => r.GetString(0))).FirstOrDefault() ?? community;
        var (resident, household, name) = (await QueryAsync($"SELECT id, household_id, name FROM {residents} WHERE community_code = '{community}' ORDER BY id LIMIT 1",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetString(2))))[0];
        var (ticket, number) = (await QueryAsync($"SELECT id, number FROM {T("tickets")} WHERE community_code = '{community}' ORDER BY id DESC LIMIT 1",
            r => (r.GetInt64(0), r.GetString(1))))[0];
        var category = (await LeavesAsync())[0].Category;
        var open311 = (await QueryAsync($"SELECT t.number, s.token FROM {T("open311_submissions")} s JOIN {T("tickets")} t ON t.id = s.ticket_id ORDER BY s.ticket_id DESC LIMIT 1",
            r => (r.GetString(0), r.GetValue(1).ToString()!))).FirstOrDefault();
        var open311Number = (await QueryAsync($"SELECT number FROM {T("tickets")} WHERE channel = 5 AND NOT is_anonymous ORDER BY id DESC LIMIT 1", r => r.GetString(0))).FirstOrDefault();
        var sd = _postgres ? "servicedesk." : "servicedesk_";
        var (serviceCase, caseNumber, caseItem) = (await QueryAsync($"SELECT id, number, item_id FROM {sd}service_cases WHERE accepting_community_code = '{community}' ORDER BY id DESC LIMIT 1",
            r => (r.GetInt64(0), r.GetString(1), r.GetInt64(2)))).FirstOrDefault();
        var itemCode = (await QueryAsync($"SELECT code FROM {sd}service_items WHERE id = {caseItem}", r => r.GetString(0))).FirstOrDefault()
                       ?? (await QueryAsync($"SELECT code FROM {sd}service_items ORDER BY code LIMIT 1", r => r.GetString(0)))[0];
        // A ticket photo in the community (the seeded city may have none: then the sample ticket, and its first photo is a 404).
        var photo = (await QueryAsync($"SELECT t.id, a.name FROM {T("attachments")} a JOIN {T("tickets")} t ON a.owner_kind = 'ticket' AND a.owner_id = {(_postgres ? "t.id::text" : "CAST(t.id AS TEXT)")} " +
                $"WHERE t.community_code = '{community}' ORDER BY a.id DESC LIMIT 1", r => ((long?)r.GetInt64(0), r.GetString(1)))).FirstOrDefault();
        // One of the demo resident's bookings (none booked yet: 0, a 404).
        var booking = (await QueryAsync($"SELECT b.id FROM {sd}bookings b JOIN {(_postgres ? "accounts." : "accounts_")}users u ON u.id = b.resident_user_id " +
                "WHERE u.user_name = 'demo.resident' ORDER BY b.id DESC LIMIT 1", r => r.GetInt64(0))).FirstOrDefault();
        return new ListSample(community, grid, resident, household, name, ticket, number, category, open311.Item1 ?? open311Number ?? number,
            open311.Item2 ?? Guid.Empty.ToString(), serviceCase, caseNumber ?? "", itemCode,
            photo.Item1 ?? ticket, photo.Item2, booking);
    }

    public async Task<long> CountTicketsAsync() => (await QueryAsync($"SELECT count(*) FROM {T("tickets")}", r => r.GetInt64(0)))[0];

    // ---- the database's own insert rate ------------------------------------------------------------------------------------

    /// <summary>
    /// The rows one intake writes (a ticket, its filing action, the reporter's outbox message and, for Open311, the
    /// submission row), inserted in one transaction per ticket by as many connections as the HTTP run had clients.
    /// </summary>
    public async Task<Program.Result> RawInsertAsync(Options o, List<(int Category, int Rule)> leaves, List<(double Lon, double Lat)> points, bool withSubmission)
    {
        var clientId = withSubmission ? (await QueryAsync($"SELECT min(id) FROM {T("open311_clients")}", r => r.IsDBNull(0) ? 0 : r.GetInt32(0)))[0] : 0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(o.Warmup * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(o.Duration * Stopwatch.Frequency);
        var run = Guid.NewGuid().ToString("N")[..6];
        string? firstError = null;
        var workers = Enumerable.Range(0, o.Concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(5000 + w);
            var latencies = new List<double>(100_000);
            long ok = 0, failed = 0, n = 0;
            await using var connection = _connect();
            await connection.OpenAsync();
            // SQLite's own busy handler, as the server sets it (else the driver's 150 ms retry sleeps decide the p99).
            if (connection is SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_busy_timeout(handle, 10_000);
            while (true)
            {
                var t0 = Stopwatch.GetTimestamp();
                if (t0 >= stopAt) break;
                try
                {
                    await InsertOneAsync(connection, random, leaves, points, withSubmission ? clientId : null, $"B{run}{w:D3}{n++:D9}");
                    var t1 = Stopwatch.GetTimestamp();
                    if (t0 < measureFrom) continue;
                    ok++;
                    latencies.Add((t1 - t0) * 1000.0 / Stopwatch.Frequency);
                }
                catch (DbException e)
                {
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                    if (t0 >= measureFrom) failed++;
                }
            }
            return (ok, failed, latencies);
        })).ToList();
        var results = await Task.WhenAll(workers);
        var all = results.SelectMany(r => r.latencies).Order().ToArray();
        return new Program.Result(results.Sum(r => r.ok), results.Sum(r => r.failed), o.Duration, Program.Percentile(all, 0.5), Program.Percentile(all, 0.99), firstError);
    }

    private async Task InsertOneAsync(DbConnection connection, Random random, List<(int Category, int Rule)> leaves, List<(double Lon, double Lat)> points,
        int? clientId, string number)
    {
        var (category, rule) = leaves[random.Next(leaves.Count)];
        var (lon, lat) = points[random.Next(points.Count)];
        var now = DateTime.UtcNow;
        var phoneCipher = new byte[12 + 11 + 16];
        random.NextBytes(phoneCipher);
        var phoneHash = new byte[32];
        random.NextBytes(phoneHash);
        await using var transaction = await connection.BeginTransactionAsync();
        long id;
        await using (var ticket = Command(connection, transaction,
                         $"INSERT INTO {T("tickets")} (number, channel, category_id, routing_rule_id, urgency, description, address, community_code, grid_code, " +
                         "longitude, latitude, is_anonymous, phone_cipher, phone_masked, phone_hash, created_by, state, created_at, updated_at, reopen_count, " +
                         "return_count, under_supervision, is_overdue, version) VALUES (@number, 5, @category, @rule, 1, @description, NULL, @community, @grid, " +
                         "@lon, @lat, @false, @cipher, @masked, @hash, 'bench-raw', 1, @now, @now, 0, 0, @false, @false, 0) RETURNING id",
                         ("number", number), ("category", category), ("rule", rule), ("description", "压测：路灯不亮（bench）"), ("community", "210102001002"),
                         ("grid", "210102001002001"), ("lon", lon), ("lat", lat), ("false", false), ("cipher", phoneCipher), ("masked", "140****0000"),
                         ("hash", phoneHash), ("now", Value(now))))
            id = Convert.ToInt64(await ticket.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        await using (var action = Command(connection, transaction,
                         $"INSERT INTO {T("ticket_actions")} (ticket_id, at, user_name, unit_code, action, from_state, to_state) VALUES (@id, @now, 'bench', NULL, 1, 1, 1)",
                         ("id", id), ("now", Value(now))))
            await action.ExecuteNonQueryAsync();
        await using (var outbox = Command(connection, transaction,
                         $"INSERT INTO {T("outbox")} (key, recipient, subject, body, ticket_id, created_at, attempts) VALUES (@key, @recipient, '诉求已受理', @body, @id, @now, 0)",
                         ("key", _postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant()), ("recipient", "reporter:" + number),
                         ("body", $"您的诉求 {number} 已受理。"), ("id", id), ("now", Value(now))))
            await outbox.ExecuteNonQueryAsync();
        if (clientId is { } client)
        {
            await using var submission = Command(connection, transaction,
                $"INSERT INTO {T("open311_submissions")} (ticket_id, token, client_id, created_at) VALUES (@id, @token, @client, @now)",
                ("id", id), ("token", _postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant()), ("client", client), ("now", Value(now)));
            await submission.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    private object Value(DateTime utc) => _postgres ? utc : utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value is bool b && connection is SqliteConnection ? (b ? 1 : 0) : value;
            command.Parameters.Add(p);
        }
        return command;
    }

    // ---- metrics ------------------------------------------------------------------------------------------------------------

    /// <summary>
    /// The whole city's metrics in one set-based pass over a year of tickets: per district, category and state the count,
    /// on-time sign and finish, satisfied and rated, overdue, returns and average handling time.
    /// Hook: when the Requests metrics endpoint exists, pass --metrics-endpoint to time it over HTTP as well.
    /// </summary>
    public async Task<(TimeSpan Best, TimeSpan Median, int Runs, int Groups)> MetricsAsync()
    {
        var since = DateTime.UtcNow.AddDays(-366);
        var sql = _postgres
            ? $"""
               SELECT substr(community_code, 1, 6), category_id, state, count(*),
                      count(*) FILTER (WHERE signed_at <= sign_due_at), count(*) FILTER (WHERE replied_at <= finish_due_at),
                      count(*) FILTER (WHERE rating = 1), count(rating), count(*) FILTER (WHERE is_overdue), sum(return_count),
                      avg(extract(epoch FROM closed_at - created_at))
               FROM {T("tickets")} WHERE created_at >= '{since:yyyy-MM-dd HH:mm:ss}+00' GROUP BY 1, 2, 3
               """
            : $"""
               SELECT substr(community_code, 1, 6), category_id, state, count(*),
                      sum(signed_at <= sign_due_at), sum(replied_at <= finish_due_at), sum(rating = 1), count(rating), sum(is_overdue), sum(return_count),
                      avg((julianday(closed_at) - julianday(created_at)) * 86400)
               FROM {T("tickets")} WHERE created_at >= '{since:yyyy-MM-dd HH:mm:ss}' GROUP BY 1, 2, 3
               """;
        var times = new List<TimeSpan>();
        var groups = 0;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            // ~15,000 groups do not fit the default 4 MB work_mem: PostgreSQL would sort instead of hashing (about 2.5× slower).
            await using var transaction = _postgres ? await _connection.BeginTransactionAsync() : null;
            if (transaction is not null)
            {
                await using var set = _connection.CreateCommand();
                set.Transaction = transaction;
                set.CommandText = "SET LOCAL work_mem = '64MB'";
                await set.ExecuteNonQueryAsync();
            }
            await using (var command = _connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync();
                groups = 0;
                while (await reader.ReadAsync()) groups++;
            }
            if (transaction is not null) await transaction.CommitAsync();
            times.Add(sw.Elapsed);
        }
        return (times.Min(), times.Order().ElementAt(times.Count / 2), times.Count, groups);
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
