using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Data;

/// <summary>
/// The requests context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="RequestsDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteRequestsDbContext(DbContextOptions<SqliteRequestsDbContext> options, IAreaScope scope, CategoryCatalog catalog, TimeProvider clock) : RequestsDbContext(options, scope, catalog, clock);
