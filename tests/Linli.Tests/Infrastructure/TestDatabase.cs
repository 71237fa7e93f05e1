using Npgsql;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// Which database the suite runs on: LINLI_TEST_DB=sqlite (default) or postgres. On PostgreSQL, LINLI_TEST_PG must
/// name a server (test.sh starts a throwaway one); without it the tests fail, they never skip.
/// </summary>
public static class TestDatabase
{
    public static string Provider => (Environment.GetEnvironmentVariable("LINLI_TEST_DB") ?? "sqlite").ToLowerInvariant() switch
    {
        "postgres" or "postgresql" => "Postgres",
        _ => "Sqlite",
    };

    public static bool IsPostgres => Provider == "Postgres";

    /// <summary>
    /// A fresh database for one test host, empty or a copy of <paramref name="template"/>; returns its connection string
    /// (null on SQLite: the data folder decides).
    /// </summary>
    public static string? CreateDatabase(string name, string? template = null)
    {
        if (!IsPostgres) return null;
        var server = Environment.GetEnvironmentVariable("LINLI_TEST_PG")
                     ?? throw new InvalidOperationException("LINLI_TEST_DB=postgres needs LINLI_TEST_PG (a server connection string); run ./test.sh.");
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string name)
    {
        if (!IsPostgres) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("LINLI_TEST_PG"));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
