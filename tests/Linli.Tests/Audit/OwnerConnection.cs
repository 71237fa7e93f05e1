using System.Data.Common;
using Linli.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Tests.Audit;

/// <summary>
/// A raw connection to a test host's database as its owner — what an insider with the database's credentials has —
/// with the audit log's append-only triggers lifted, to tamper with entries the way such an insider could.
/// </summary>
internal sealed class OwnerConnection : IAsyncDisposable
{
    private readonly DbConnection _connection;

    private OwnerConnection(DbConnection connection) => _connection = connection;

    public static string Entries => TestDatabase.IsPostgres ? "audit.entries" : "audit_entries";
    public static string Checkpoints => TestDatabase.IsPostgres ? "audit.checkpoints" : "audit_checkpoints";

    public static async Task<OwnerConnection> OpenAsync(LinliFactory app)
    {
        DbConnection connection = TestDatabase.IsPostgres
            ? new NpgsqlConnection(app.ConnectionString)
            : new SqliteConnection($"Data Source={Path.Combine(app.DataFolder, "linli.db")};Pooling=False");
        await connection.OpenAsync();
        var owner = new OwnerConnection(connection);
        if (TestDatabase.IsPostgres)
        {
            await owner.ExecuteAsync($"ALTER TABLE {Entries} DISABLE TRIGGER USER");
            await owner.ExecuteAsync($"ALTER TABLE {Checkpoints} DISABLE TRIGGER USER");
        }
        else
        {
            foreach (var trigger in new[] { "audit_entries_no_update", "audit_entries_no_delete", "audit_checkpoints_no_update", "audit_checkpoints_no_delete" })
                await owner.ExecuteAsync($"DROP TRIGGER IF EXISTS {trigger}");
        }
        return owner;
    }

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Keeps rows aside in a temporary table (this connection only) so that they can be put back exactly.</summary>
    public Task KeepAsync(string name, string where) =>
        ExecuteAsync($"CREATE TEMP TABLE {name} AS SELECT * FROM {Entries} WHERE {where}");

    public Task RestoreAsync(string name) => ExecuteAsync($"INSERT INTO {Entries} SELECT * FROM {name}");

    public async ValueTask DisposeAsync()
    {
        if (TestDatabase.IsPostgres)
        {
            await ExecuteAsync($"ALTER TABLE {Entries} ENABLE TRIGGER USER");
            await ExecuteAsync($"ALTER TABLE {Checkpoints} ENABLE TRIGGER USER");
        }
        else
        {
            foreach (var (trigger, table, operation) in new[]
                     {
                         ("audit_entries_no_update", "audit_entries", "UPDATE"), ("audit_entries_no_delete", "audit_entries", "DELETE"),
                         ("audit_checkpoints_no_update", "audit_checkpoints", "UPDATE"), ("audit_checkpoints_no_delete", "audit_checkpoints", "DELETE"),
                     })
                await ExecuteAsync($"CREATE TRIGGER {trigger} BEFORE {operation} ON {table} BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END");
        }
        await _connection.DisposeAsync();
    }
}
