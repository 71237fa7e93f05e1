using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Data;

/// <summary>
/// The organizations context on SQLite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="OrganizationsDbContext"/> when the database is SQLite; code uses the base type.
/// </summary>
internal sealed class SqliteOrganizationsDbContext(DbContextOptions<SqliteOrganizationsDbContext> options) : OrganizationsDbContext(options);
