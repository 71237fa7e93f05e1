using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Data;

/// <summary>
/// The service-desk context on PostgreSQL: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).
/// Registered as <see cref="ServiceDeskDbContext"/> when the database is PostgreSQL; code uses the base type.
/// </summary>
internal sealed class PostgresServiceDeskDbContext(DbContextOptions<PostgresServiceDeskDbContext> options, IAreaScope scope, TimeProvider clock) : ServiceDeskDbContext(options, scope, clock);
