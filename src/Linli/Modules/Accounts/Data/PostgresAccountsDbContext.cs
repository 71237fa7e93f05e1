using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Accounts.Data;

/// <summary>
/// The accounts context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="AccountsDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);
