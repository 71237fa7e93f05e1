using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Data;

/// <summary>
/// The care context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="CareDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresCareDbContext(DbContextOptions<PostgresCareDbContext> options, IAreaScope scope) : CareDbContext(options, scope);
