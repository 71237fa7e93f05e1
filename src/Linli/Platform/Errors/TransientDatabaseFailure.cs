using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Platform.Errors;

/// <summary>
/// A database failure that the same request may not meet a moment later: the server restarting or failing over, a
/// connection dropped, a connection limit, a serialization conflict, a busy SQLite file. Answered 503 with Retry-After,
/// and a read (GET) is tried once more first (<see cref="TransientFailureRetryMiddleware"/>).
/// </summary>
internal static class TransientDatabaseFailure
{
    private const int SqliteBusy = 5, SqliteLocked = 6;

    /// <summary>
    /// Whether <paramref name="exception"/> or one it wraps (EF and its execution strategy wrap them) is transient. With
    /// several hosts in the connection string a failed connect is "No suitable host was found", not itself transient, that
    /// wraps each host's failure: it is transient when one of those is (every server restarting or failing over).
    /// </summary>
    public static bool Is(Exception exception) => Wrapped(exception).Any(e =>
        e is NpgsqlException { IsTransient: true } or SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked });

    private static IEnumerable<Exception> Wrapped(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException several)
            {
                foreach (var inner in several.InnerExceptions.SelectMany(Wrapped)) yield return inner;
                yield break;
            }
        }
    }

    /// <summary>
    /// Whether the connection itself was lost (not a conflict inside a working one): after a server restart every idle
    /// pooled connection is dead as well, so the pool is emptied and the next attempt opens a fresh one.
    /// </summary>
    public static bool BrokeConnection(Exception exception)
    {
        foreach (var e in Wrapped(exception))
        {
            if (e is PostgresException postgres)
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
                       || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
            if (e is NpgsqlException { IsTransient: true }) return true; // a socket or stream failure, no answer from the server
        }
        return false;
    }

    /// <summary>Empties the PostgreSQL connection pools when the failure lost the connection (see <see cref="BrokeConnection"/>).</summary>
    public static void ForgetBrokenConnections(Exception exception)
    {
        if (BrokeConnection(exception)) NpgsqlConnection.ClearAllPools();
    }
}
