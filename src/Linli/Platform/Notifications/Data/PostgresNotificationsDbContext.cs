using Linli.Platform.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications.Data;

/// <summary>
/// The notifications context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="NotificationsDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);
