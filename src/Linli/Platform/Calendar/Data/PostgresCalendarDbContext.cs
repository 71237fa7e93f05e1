using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Calendar.Data;

/// <summary>
/// The calendar context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="CalendarDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresCalendarDbContext(DbContextOptions<PostgresCalendarDbContext> options) : CalendarDbContext(options);
