using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Data;

/// <summary>
/// The facilities context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="FacilitiesDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresFacilitiesDbContext(DbContextOptions<PostgresFacilitiesDbContext> options) : FacilitiesDbContext(options);
