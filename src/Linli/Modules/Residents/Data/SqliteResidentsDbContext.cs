using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Data;

/// <summary>
/// The residents context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="ResidentsDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteResidentsDbContext(DbContextOptions<SqliteResidentsDbContext> options, IAreaScope scope) : ResidentsDbContext(options, scope);
