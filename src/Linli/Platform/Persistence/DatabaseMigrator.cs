using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Persistence;

/// <summary>Brings every module's schema up to date; run at start-up and by the migrate verb.</summary>
internal sealed class DatabaseMigrator(IServiceProvider services, IEnumerable<ModuleContextRegistration> modules, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
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
            await context.Database.MigrateAsync(cancellationToken);
        }
    }
}
