using Linli.Platform.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications.Data;

/// <summary>
/// The notifications context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="NotificationsDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);
