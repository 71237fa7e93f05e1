using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Protection.Data;

/// <summary>
/// The protection context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="ProtectionDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteProtectionDbContext(DbContextOptions<SqliteProtectionDbContext> options) : ProtectionDbContext(options);
