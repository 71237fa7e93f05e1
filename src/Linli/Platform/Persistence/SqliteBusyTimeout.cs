using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Linli.Platform.Persistence;

/// <summary>
/// SQLite allows one writer; others wait. Microsoft.Data.Sqlite waits by retrying every 150 ms, so a write that found the
/// database busy for a millisecond took 150 ms (the intake benchmark's p99 on SQLite was exactly that). SQLite's own busy
/// handler, set here on every connection, retries within a few milliseconds; the driver's loop remains behind it.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public const int Milliseconds = 10_000;

    public static SqliteBusyTimeout Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) SQLitePCL.raw.sqlite3_busy_timeout(handle, Milliseconds);
    }
}
