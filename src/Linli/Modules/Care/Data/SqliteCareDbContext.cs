using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Data;

/// <summary>
/// The care context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="CareDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteCareDbContext(DbContextOptions<SqliteCareDbContext> options, IAreaScope scope) : CareDbContext(options, scope);
