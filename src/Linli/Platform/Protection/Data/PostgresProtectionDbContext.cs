using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Protection.Data;

/// <summary>
/// The protection context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="ProtectionDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresProtectionDbContext(DbContextOptions<PostgresProtectionDbContext> options) : ProtectionDbContext(options);
