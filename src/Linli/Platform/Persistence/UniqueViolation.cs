using Microsoft.Data.Sqlite;
using Npgsql;

namespace Linli.Platform.Persistence;

/// <summary>
/// Whether a database failure is a unique (or primary-key) constraint refusing a row: two requests raced to insert the
/// same thing and the index let one through. Typed on both providers (PostgreSQL's SQLSTATE 23505, SQLite's extended
/// codes for UNIQUE and PRIMARY KEY), never by the message's text; looks through the exceptions EF wraps them in.
/// </summary>
internal static class UniqueViolation
{
    private const int SqliteConstraintUnique = 2067, SqliteConstraintPrimaryKey = 1555;

    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
                or SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey })
                return true;
        return false;
    }
}
