using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Platform.Persistence;

internal static class PersistenceExtensions
{
    /// <summary>Registers a module's DbContext on the configured provider and lists it for start-up migration.</summary>
    /// <param name="appendOnly">On PostgreSQL with a separate runtime role, the runtime role may only INSERT and SELECT in the module's schema.</param>
    public static IHostApplicationBuilder AddModuleDbContext<TContext>(this IHostApplicationBuilder builder, string module,
        Action<DbContextOptionsBuilder>? configure = null, bool appendOnly = false)
        where TContext : DbContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ResolveConnectionString(builder.Environment.ContentRootPath);
        var ownerConnectionString = options.ResolveMigrationConnectionString();
        builder.Services.TryAddScoped<DatabaseSession>();
        builder.Services.AddDbContext<TContext>((services, db) =>
        {
            if (options.Provider == DatabaseProvider.Postgres)
                db.UseNpgsql(ownerConnectionString is not null && services.GetRequiredService<DatabaseSession>().AsOwner ? ownerConnectionString : connectionString,
                    npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", module));
            else
                db.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable($"__ef_migrations_history_{module}"))
                    .AddInterceptors(SqliteBusyTimeout.Instance);
            db.UseSnakeCaseNamingConvention();
            db.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
            db.ReplaceService<IModelCacheKeyFactory, ProviderModelCacheKeyFactory>();
            configure?.Invoke(db);
        });
        builder.Services.AddSingleton(new ModuleContextRegistration(module, typeof(TContext), appendOnly));
        return builder;
    }
}

/// <summary>One per module DbContext, in registration order (the order of migration at start-up).</summary>
internal sealed record ModuleContextRegistration(string Module, Type ContextType, bool AppendOnly = false);

/// <summary>
/// Which PostgreSQL role a scope's contexts connect as: the runtime role (requests, jobs) unless the scope is one of
/// migration, start-up tasks or seeding, which set <see cref="AsOwner"/> before they resolve any context.
/// </summary>
internal sealed class DatabaseSession
{
    public bool AsOwner { get; set; }
}

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
