using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Linli.Platform.Persistence;

internal static class PersistenceExtensions
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider and lists it for start-up migration. Each provider has its
    /// own subclass of the module's context, owning that provider's migrations and model snapshot (EF Core's "migrations
    /// with multiple providers, using multiple context types"; docs/decisions/0007-migrations-per-provider.md). The rest of
    /// the code asks for <typeparamref name="TContext"/> and gets the configured provider's subclass.
    /// </summary>
    /// <param name="appendOnly">On PostgreSQL with a separate runtime role, the runtime role may only INSERT and SELECT in the module's schema.</param>
    public static IHostApplicationBuilder AddModuleDbContext<TContext, TSqliteContext, TPostgresContext>(this IHostApplicationBuilder builder, string module,
        Action<DbContextOptionsBuilder>? configure = null, bool appendOnly = false)
        where TContext : DbContext
        where TSqliteContext : TContext
        where TPostgresContext : TContext
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = options.ResolveConnectionString(builder.Environment.ContentRootPath);
        var ownerConnectionString = options.ResolveMigrationConnectionString();
        builder.Services.TryAddScoped<DatabaseSession>();
        void Configure(IServiceProvider services, DbContextOptionsBuilder db)
        {
            var asOwner = ownerConnectionString is not null && services.GetRequiredService<DatabaseSession>().AsOwner;
            UseProvider(db, options.Provider, asOwner ? ownerConnectionString! : connectionString, module);
            configure?.Invoke(db);
        }
        if (options.Provider == DatabaseProvider.Postgres) Register<TContext, TPostgresContext>(builder.Services, Configure);
        else Register<TContext, TSqliteContext>(builder.Services, Configure);
        builder.Services.AddSingleton(new ModuleContextRegistration(module, typeof(TContext), typeof(TSqliteContext), typeof(TPostgresContext), appendOnly));
        return builder;
    }

    /// <summary>
    /// The provider, migrations history table and naming every module context is configured with. Only the provider's
    /// own context type may be configured with it, since that type's migrations are written for that provider.
    /// </summary>
    public static DbContextOptionsBuilder UseProvider(DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString, string module)
    {
        if (provider == DatabaseProvider.Postgres)
            db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history", module));
        else
            db.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable($"__ef_migrations_history_{module}"))
                .AddInterceptors(SqliteBusyTimeout.Instance);
        return db.UseSnakeCaseNamingConvention();
    }

    // The module's context type resolves to the provider's subclass (so does the subclass itself, for the EF tools), and
    // IDbContextFactory<TContext> makes a fresh one on the scope's options for code that must not share the scoped one.
    private static void Register<TContext, TImplementation>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : DbContext
        where TImplementation : TContext
    {
        services.AddDbContext<TContext, TImplementation>(configure);
        // What is configured for the module's context type (ConfigureDbContext<TContext>, as a test adding an interceptor)
        // applies to the provider's subclass, whose options EF builds from configurations of the subclass only.
        services.ConfigureDbContext<TImplementation>((sp, db) =>
        {
            foreach (var configuration in sp.GetServices<IDbContextOptionsConfiguration<TContext>>()) configuration.Configure(sp, db);
        });
        services.TryAddScoped<TImplementation>(sp => (TImplementation)sp.GetRequiredService<TContext>());
        services.TryAddScoped<IDbContextFactory<TContext>, ModuleContextFactory<TContext, TImplementation>>();
    }
}

/// <summary>
/// One per module DbContext, in registration order (the order of migration at start-up): the module's context type,
/// which the code uses, and its subclass per provider, which owns that provider's migrations.
/// </summary>
internal sealed record ModuleContextRegistration(string Module, Type ContextType, Type SqliteContextType, Type PostgresContextType, bool AppendOnly = false)
{
    public Type ContextTypeFor(DatabaseProvider provider) => provider == DatabaseProvider.Postgres ? PostgresContextType : SqliteContextType;
}

/// <summary>A new context of the configured provider's type, with the scope's options (and so the scope's database role).</summary>
internal sealed class ModuleContextFactory<TContext, TImplementation>(IServiceProvider services) : IDbContextFactory<TContext>
    where TContext : DbContext
    where TImplementation : TContext
{
    private static readonly ObjectFactory<TImplementation> Create = ActivatorUtilities.CreateFactory<TImplementation>([]);

    public TContext CreateDbContext() => Create(services, null);
}

/// <summary>
/// Which PostgreSQL role a scope's contexts connect as: the runtime role (requests, jobs) unless the scope is one of
/// migration, start-up tasks or seeding, which set <see cref="AsOwner"/> before they resolve any context.
/// </summary>
internal sealed class DatabaseSession
{
    public bool AsOwner { get; set; }
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
