using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Data;

/// <summary>
/// The regions context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="RegionsDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteRegionsDbContext(DbContextOptions<SqliteRegionsDbContext> options) : RegionsDbContext(options);
