using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit.Data;

/// <summary>
/// The audit context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="AuditDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);
