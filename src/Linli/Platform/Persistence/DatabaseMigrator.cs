using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Linli.Platform.Persistence;

/// <summary>
/// Brings every module's schema up to date; run at start-up and by the migrate verb. On PostgreSQL with a separate owner
/// role (Database:MigrationConnectionString) it migrates as the owner and then grants the runtime role what it needs:
/// reading and writing every module's tables and sequences, and in append-only modules (the audit log) only INSERT and
/// SELECT — so the application's own credentials cannot change, delete, truncate or drop an audit entry, nor disable its
/// triggers (which only an owner may do).
/// </summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IEnumerable<ModuleContextRegistration> modules, IOptions<DatabaseOptions> options,
    IHostEnvironment environment, ILogger<DatabaseMigrator> logger)
{
    internal static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromHours(2);

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<DatabaseSession>().AsOwner = true;
        foreach (var module in modules)
        {
            var context = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            if (context.Database.IsSqlite())
            {
                // WAL lets readers go on while a writer works; set once, it sticks to the file.
                await context.Database.OpenConnectionAsync(cancellationToken);
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                await context.Database.CloseConnectionAsync();
            }
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count == 0) continue;
            logger.LogInformation("Migrating module {Module}: {Count} migration(s)", module.Module, pending.Count);
            // A data migration rewrites every row of a table: over the full city (9 million residents) that takes minutes,
            // not the 30 seconds a request's command may take.
            context.Database.SetCommandTimeout(MigrationCommandTimeout);
            await context.Database.MigrateAsync(cancellationToken);
        }
        if (options.Value.ResolveMigrationConnectionString() is { } owner)
            await GrantRuntimeRoleAsync(owner, options.Value.ResolveConnectionString(environment.ContentRootPath), cancellationToken);
    }

    private async Task GrantRuntimeRoleAsync(string ownerConnectionString, string runtimeConnectionString, CancellationToken cancellationToken)
    {
        string runtimeRole;
        await using (var runtime = new NpgsqlConnection(runtimeConnectionString))
        {
            await runtime.OpenAsync(cancellationToken);
            await using var who = new NpgsqlCommand("SELECT current_user", runtime);
            runtimeRole = (string)(await who.ExecuteScalarAsync(cancellationToken))!;
        }
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var check = new NpgsqlCommand(
                         "SELECT current_user = @runtime OR pg_has_role(@runtime, current_user, 'USAGE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = @runtime)", connection))
        {
            check.Parameters.AddWithValue("runtime", runtimeRole);
            if (await check.ExecuteScalarAsync(cancellationToken) is true)
            {
                logger.LogWarning("The runtime role {Role} is the owner role, a member of it or a superuser: it can change the audit log; give Database:ConnectionString a role of its own", runtimeRole);
                return;
            }
        }
        var role = Quote(runtimeRole);
        var statements = new List<string>();
        foreach (var module in modules)
        {
            var schema = Quote(module.Module);
            statements.Add($"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {role}");
            statements.Add($"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {role}");
            statements.Add($"REVOKE CREATE ON SCHEMA {schema} FROM {role}");
            statements.Add($"GRANT USAGE ON SCHEMA {schema} TO {role}");
            if (module.AppendOnly)
            {
                statements.Add($"GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA {schema} TO {role}");
                statements.Add($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}");
            }
            else
            {
                statements.Add($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}");
                statements.Add($"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {role}");
            }
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var sql in statements) batch.BatchCommands.Add(new NpgsqlBatchCommand(sql));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Granted the runtime role {Role} data access to {Count} module schema(s); append-only: {AppendOnly}", runtimeRole,
            modules.Count(), string.Join(", ", modules.Where(m => m.AppendOnly).Select(m => m.Module)));
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
