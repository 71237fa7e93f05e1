using System.Net;
using System.Net.Http.Json;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Linli.Tests.Audit;

/// <summary>
/// With an owner role for migrations and a runtime role for the application, the application works as before, and its
/// own credentials can add to the audit log and read it, but not change, delete, empty or drop it, nor switch off its
/// triggers.
/// </summary>
public sealed class RuntimeRoleTests : IAsyncLifetime
{
    private sealed class TwoRoles : LinliFactory
    {
        private static string Suffix(string name) => name[^12..];
        public string Owner => "linli_owner_" + Suffix(DatabaseName);
        public string Runtime => "linli_app_" + Suffix(DatabaseName);

        public string RuntimeConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = Runtime }.ConnectionString;
        private string OwnerConnectionString => new NpgsqlConnectionStringBuilder(ConnectionString) { Username = Owner }.ConnectionString;

        // Its own roles own everything from the first migration on: an empty database, not a copy of one postgres migrated.
        public TwoRoles() : base(emptyDatabase: true)
        {
            if (!TestDatabase.IsPostgres) return;
            OnServer($"CREATE ROLE {Owner} LOGIN; CREATE ROLE {Runtime} LOGIN; ALTER DATABASE \"{DatabaseName}\" OWNER TO {Owner};");
        }

        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => TestDatabase.IsPostgres
            ? [new("Database:ConnectionString", RuntimeConnectionString), new("Database:MigrationConnectionString", OwnerConnectionString)]
            : [];

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (TestDatabase.IsPostgres) OnServer($"DROP ROLE IF EXISTS {Runtime}; DROP ROLE IF EXISTS {Owner};");
        }

        private static void OnServer(string sql)
        {
            using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("LINLI_TEST_PG"));
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }

    private readonly TwoRoles _app = new();

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsPostgres) return;
        _ = _app.Server;
        await _app.CreateUserAsync("supervisor.roles", Roles.Supervisor, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [PostgresFact]
    public async Task The_runtime_role_may_append_to_and_read_the_audit_log_but_not_change_delete_truncate_drop_or_unguard_it()
    {
        // The application runs on the runtime role: signs in, writes an entry, reads the log.
        var supervisor = await _app.ClientForAsync("supervisor.roles");
        await _app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditLog>().RecordAsync(AuditActions.Reveal, AuditSubjects.Resident, "1", "210102001002", "idNumber", "核对");
            return 0;
        });
        var page = await supervisor.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/audit?subjectType=resident&subjectId=1");
        Assert.Equal(1, page.GetProperty("total").GetInt64());
        Assert.True((await _app.WithScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(null, CancellationToken.None))).Intact);

        await using var runtime = new NpgsqlConnection(_app.RuntimeConnectionString);
        await runtime.OpenAsync();
        Assert.Equal(_app.Runtime, await Scalar(runtime, "SELECT current_user"));
        foreach (var sql in new[]
                 {
                     "UPDATE audit.entries SET reason = 'x'",
                     "DELETE FROM audit.entries",
                     "TRUNCATE audit.entries",
                     "DROP TABLE audit.entries",
                     "ALTER TABLE audit.entries DISABLE TRIGGER entries_append_only",
                     "ALTER TABLE audit.entries DISABLE TRIGGER ALL",
                     "DROP TRIGGER entries_append_only ON audit.entries",
                     "UPDATE audit.checkpoints SET sequence = 0",
                     "DELETE FROM audit.checkpoints",
                     "CREATE TABLE audit.shadow (id int)",
                 })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(runtime, sql));
            Assert.True(refused.SqlState == PostgresErrorCodes.InsufficientPrivilege, $"{sql}: {refused.SqlState} {refused.MessageText}");
        }
        Assert.Equal(1L, await Execute(runtime, "INSERT INTO audit.checkpoints (sequence, hash, at, key_id, mac) VALUES (0, ''::bytea, now(), '', ''::bytea)"));
        // Elsewhere the runtime role reads and writes as the application needs.
        Assert.Equal(1L, await Execute(runtime, "UPDATE accounts.users SET display_name = display_name WHERE user_name = 'supervisor.roles'"));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/regions/2101")).StatusCode);
    }

    private static async Task<long> Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
