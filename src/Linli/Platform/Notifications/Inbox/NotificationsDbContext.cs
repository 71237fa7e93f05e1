using Linli.Platform.Notifications.Data.Configurations;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications.Inbox;

/// <summary>The in-app inbox every module's notifications are delivered into (each module keeps its own outbox).</summary>
internal abstract class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "notifications";

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly, t => t.Namespace == typeof(InboxMessageConfiguration).Namespace);
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
