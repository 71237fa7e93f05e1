namespace Linli.Platform.Persistence;

internal enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the "Database" configuration section.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL connection string, or a SQLite one overriding <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL only: the connection string of the role that owns the schemas, used to migrate (and for start-up tasks
    /// and seeding, which rebuild indexes). Without it one role does everything. With it, <see cref="ConnectionString"/>
    /// is the runtime role, which the migrator grants data access only — and on the audit log only INSERT and SELECT.
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>Folder holding the SQLite file and local keys; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    internal string ResolveConnectionString(string contentRoot)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
                throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
            return WithPostgresDefaults(ConnectionString);
        }
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        var folder = Path.GetFullPath(DataFolder, contentRoot);
        // Personal data: the folder 0700, the file 0600 before SQLite first opens it (its -wal and -shm files take the file's mode).
        Protection.PrivateFiles.EnsureFile(Path.Combine(folder, "linli.db"));
        Protection.PrivateFiles.Tighten(Path.Combine(folder, "linli.db-wal"));
        Protection.PrivateFiles.Tighten(Path.Combine(folder, "linli.db-shm"));
        // A private cache per connection: in WAL mode readers then never wait for the writer. (A shared cache locks tables
        // across the process's connections, so every read queued behind each intake commit.)
        return $"Data Source={Path.Combine(folder, "linli.db")};Pooling=True";
    }

    /// <summary>The owner role's connection string, or null when the runtime role migrates too (always on SQLite).</summary>
    internal string? ResolveMigrationConnectionString() =>
        Provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(MigrationConnectionString) ? WithPostgresDefaults(MigrationConnectionString) : null;

    /// <summary>
    /// Each request opens and closes its connection several times: resetting the session on every return to the pool
    /// (DISCARD ALL) cost a round trip each time and threw away prepared statements, and the hot statements (intake,
    /// queues, scope checks) are the same few, so Npgsql prepares them automatically. Nothing here keeps session state
    /// (no session SETs, temporary tables or session locks). Values the connection string sets itself win.
    /// </summary>
    internal static string WithPostgresDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!HasKey(connectionString, "No Reset On Close", "NoResetOnClose")) builder.NoResetOnClose = true;
        if (!HasKey(connectionString, "Max Auto Prepare", "MaxAutoPrepare")) builder.MaxAutoPrepare = 64;
        return builder.ConnectionString;
    }

    private static bool HasKey(string connectionString, params string[] names) =>
        connectionString.Split(';').Select(part => part.Split('=', 2)[0].Trim())
            .Any(key => names.Any(n => string.Equals(key, n, StringComparison.OrdinalIgnoreCase)));
}
