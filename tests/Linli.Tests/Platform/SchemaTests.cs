using Linli.Platform.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

[Collection("city")]
public sealed class SchemaTests(CityFixture city)
{
    [Fact]
    public void Every_module_model_matches_its_migrations_on_this_provider()
    {
        var stale = city.App.Service(sp => sp.GetServices<ModuleContextRegistration>()
            .Where(m => ((DbContext)sp.GetRequiredService(m.ContextType)).Database.HasPendingModelChanges())
            .Select(m => m.Module)
            .ToList());
        Assert.True(stale.Count == 0, $"Model changes without a migration in: {string.Join(", ", stale)}. Run scripts/add-migration.sh.");
    }

    [Fact]
    public void Every_module_has_migrations_for_both_providers()
    {
        var missing = city.App.Service(sp => sp.GetServices<ModuleContextRegistration>()
            .SelectMany(m => new[] { "Sqlite", "Postgres" }
                .Where(p => !m.ContextType.Assembly.GetTypes().Any(t =>
                    t.IsSubclassOf(typeof(Microsoft.EntityFrameworkCore.Migrations.Migration))
                    && t.Namespace!.EndsWith(".Migrations." + p, StringComparison.Ordinal)
                    && t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute), false)
                        .Cast<Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute>().Any(a => a.ContextType == m.ContextType)))
                .Select(p => $"{m.Module}/{p}"))
            .ToList());
        Assert.Empty(missing);
    }
}
