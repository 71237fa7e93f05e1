#pragma warning disable EF1001 // MigrationsAssembly is internal API; it is the documented hook for picking migrations.
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace Linli.Platform.Persistence;

/// <summary>
/// Each module keeps its migrations in Data/Migrations/Sqlite and Data/Migrations/Postgres for the same
/// DbContext; this shows EF only the set for the provider in use.
/// </summary>
internal sealed class ProviderMigrationsAssembly(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private readonly string _segment = ".Migrations." + (currentContext.Context.Database.IsNpgsql() ? "Postgres" : "Sqlite");
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;

    public override IReadOnlyDictionary<string, TypeInfo> Migrations =>
        _migrations ??= base.Migrations
            .Where(m => m.Value.Namespace?.EndsWith(_segment, StringComparison.Ordinal) == true)
            .ToDictionary(m => m.Key, m => m.Value);

    public override ModelSnapshot? ModelSnapshot =>
        Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(ModelSnapshot))
                        && t.Namespace?.EndsWith(_segment, StringComparison.Ordinal) == true
                        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == CurrentContextType)
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t)!)
            .FirstOrDefault();

    private Type CurrentContextType { get; } = currentContext.Context.GetType();
}
