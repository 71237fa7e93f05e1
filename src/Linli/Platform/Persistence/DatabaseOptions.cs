namespace Linli.Platform.Persistence;

internal enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Bound from the "Database" configuration section.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>PostgreSQL connection string, or a SQLite one overriding <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder holding the SQLite file and local keys; relative paths are under the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    internal string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        if (Provider == DatabaseProvider.Postgres)
            throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is Postgres.");
        var folder = Path.GetFullPath(DataFolder, contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "linli.db")};Cache=Shared;Pooling=True";
    }
}
