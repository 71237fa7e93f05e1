using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit.Data;

/// <summary>
/// The audit context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="AuditDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);
