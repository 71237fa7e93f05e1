using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Linli.Platform.Health;

/// <summary>Healthy when every module's database answers and has no pending migrations.</summary>
internal sealed class DatabaseHealthCheck(IServiceProvider services, IEnumerable<ModuleContextRegistration> modules) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var scope = services.CreateScope();
        var data = new Dictionary<string, object>();
        string? provider = null;
        foreach (var module in modules)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(module.ContextType);
            provider ??= db.Database.IsNpgsql() ? "postgres" : "sqlite";
            try
            {
                if (!await db.Database.CanConnectAsync(cancellationToken))
                    return HealthCheckResult.Unhealthy($"Module {module.Module} cannot reach its database.");
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                if (pending > 0) return HealthCheckResult.Degraded($"Module {module.Module} has {pending} pending migration(s).");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"Module {module.Module}: {e.GetType().Name}");
            }
        }
        data["provider"] = provider ?? "none";
        data["modules"] = modules.Count();
        return HealthCheckResult.Healthy("Database reachable and up to date.", data);
    }
}
