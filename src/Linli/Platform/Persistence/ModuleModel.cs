using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Linli.Platform.Persistence;

/// <summary>
/// The storage rules every module context follows: a schema per module on PostgreSQL, a table prefix on
/// SQLite, snake_case names, UTC date-times.
/// </summary>
internal static class ModuleModel
{
    public static void Apply(ModelBuilder modelBuilder, DatabaseFacade database, string module)
    {
        if (database.IsNpgsql())
        {
            modelBuilder.HasDefaultSchema(module);
            // Region codes are matched by prefix (LIKE '2101%'); byte-wise collation lets a plain b-tree index serve that.
            foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
                         .Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Code", StringComparison.Ordinal)))
                property.SetCollation("C");
            return;
        }
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is { } table && !table.StartsWith(module + "_", StringComparison.Ordinal))
                entity.SetTableName($"{module}_{table}");
        }
    }

    public static void Conventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }
}
