using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Accounts.Data;

/// <summary>
/// The accounts context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="AccountsDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);
