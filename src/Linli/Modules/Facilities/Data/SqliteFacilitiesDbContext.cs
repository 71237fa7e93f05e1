using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Data;

/// <summary>
/// The facilities context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="FacilitiesDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteFacilitiesDbContext(DbContextOptions<SqliteFacilitiesDbContext> options) : FacilitiesDbContext(options);
