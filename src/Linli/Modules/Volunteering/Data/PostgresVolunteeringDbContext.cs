using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Data;

/// <summary>The volunteering context on Postgres: owns Migrations/Postgres and its model snapshot (docs/decisions/0007-migrations-per-provider.md).</summary>
internal sealed class PostgresVolunteeringDbContext(DbContextOptions<PostgresVolunteeringDbContext> options, IAreaScope scope) : VolunteeringDbContext(options, scope);
