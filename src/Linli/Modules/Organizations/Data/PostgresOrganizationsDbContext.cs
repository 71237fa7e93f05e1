using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Data;

/// <summary>
/// The organizations context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="OrganizationsDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresOrganizationsDbContext(DbContextOptions<PostgresOrganizationsDbContext> options) : OrganizationsDbContext(options);
