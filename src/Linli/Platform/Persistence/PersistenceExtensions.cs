using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Linli.Platform.Persistence;

internal static class PersistenceExtensions
{
    /// <summary>Registers a module's DbContext on the configured provider and lists it for start-up migration.</summary>
    public static IHostApplicationBuilder AddModuleDbContext<TContext>(this IHostApplicationBuilder builder, string module,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ResolveConnectionString(builder.Environment.ContentRootPath);
        builder.Services.AddDbContext<TContext>(db =>
        {
            if (options.Provider == DatabaseProvider.Postgres)
                db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", module));
            else
                db.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable($"__ef_migrations_history_{module}"))
                    .AddInterceptors(SqliteBusyTimeout.Instance);
            db.UseSnakeCaseNamingConvention();
            db.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
            db.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
            configure?.Invoke(db);
        });
        builder.Services.AddSingleton(new ModuleContextRegistration(module, typeof(TContext)));
        return builder;
    }
}

/// <summary>One per module DbContext, in registration order (the order of migration at start-up).</summary>
internal sealed record ModuleContextRegistration(string Module, Type ContextType);

// The model differs by provider (schemas vs. prefixes), so the cache key must include it.
internal sealed class ProviderModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        (context.GetType(), context.Database.ProviderName, designTime);
}

internal static class TableNames
{
    /// <summary>The entity's table as raw SQL names it ("schema"."table" on PostgreSQL), from the EF model.</summary>
    public static string QualifiedTable<TEntity>(this DbContext context)
    {
        var entity = context.Model.FindEntityType(typeof(TEntity))!;
        return entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }
}
