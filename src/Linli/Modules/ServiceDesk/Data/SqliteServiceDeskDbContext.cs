using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Data;

/// <summary>
/// The service-desk context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="ServiceDeskDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteServiceDeskDbContext(DbContextOptions<SqliteServiceDeskDbContext> options, IAreaScope scope, TimeProvider clock) : ServiceDeskDbContext(options, scope, clock);
