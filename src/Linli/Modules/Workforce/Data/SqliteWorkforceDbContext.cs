using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.Data;

/// <summary>
/// The workforce context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="WorkforceDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteWorkforceDbContext(DbContextOptions<SqliteWorkforceDbContext> options, IAreaScope scope) : WorkforceDbContext(options, scope);
