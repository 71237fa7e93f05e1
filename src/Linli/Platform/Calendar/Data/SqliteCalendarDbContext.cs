using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Calendar.Data;

/// <summary>
/// The calendar context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="CalendarDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteCalendarDbContext(DbContextOptions<SqliteCalendarDbContext> options) : CalendarDbContext(options);
