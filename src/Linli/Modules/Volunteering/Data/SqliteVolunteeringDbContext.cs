using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Data;

/// <summary>The volunteering context on Sqlite: owns Migrations/Sqlite and its model snapshot (docs/decisions/0007-migrations-per-provider.md).</summary>
internal sealed class SqliteVolunteeringDbContext(DbContextOptions<SqliteVolunteeringDbContext> options, IAreaScope scope) : VolunteeringDbContext(options, scope);
