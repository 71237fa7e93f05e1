using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Data;

/// <summary>
/// The residents context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="ResidentsDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresResidentsDbContext(DbContextOptions<PostgresResidentsDbContext> options, IAreaScope scope) : ResidentsDbContext(options, scope);
