using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Data;

/// <summary>
/// The regions context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="RegionsDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresRegionsDbContext(DbContextOptions<PostgresRegionsDbContext> options) : RegionsDbContext(options);
