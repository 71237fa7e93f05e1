using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.Data;

/// <summary>
/// The workforce context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="WorkforceDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresWorkforceDbContext(DbContextOptions<PostgresWorkforceDbContext> options, IAreaScope scope) : WorkforceDbContext(options, scope);
