using Linli.Platform.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

/// <summary>
/// Each module context has a subclass per provider owning that provider's migrations (docs/decisions/0007). Both
/// providers' contexts are checked on every run, whichever provider the suite runs on: comparing a model with its
/// snapshot needs no database.
/// </summary>
[Collection("city2")]
public sealed class SchemaTests(CityFixture city)
{
    [Fact]
    public void Every_provider_context_has_a_migration_for_every_model_change()
    {
        var stale = city.App.Service(sp => ProviderContexts(sp)
            .Where(c => c.Context.Database.HasPendingModelChanges())
            .Select(c => c.Name)
            .ToList());
        Assert.True(stale.Count == 0, $"Model changes without a migration in: {string.Join(", ", stale)}. Run scripts/add-migration.sh.");
    }

    [Fact]
    public void Every_module_has_migrations_for_both_providers()
    {
        var missing = city.App.Service(sp => ProviderContexts(sp)
            .Where(c => !c.Context.Database.GetMigrations().Any())
            .Select(c => c.Name)
            .ToList());
        Assert.Empty(missing);
    }

    [Fact]
    public void The_registered_context_is_the_configured_providers_own()
    {
        var provider = TestDatabase.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var wrong = city.App.Service(sp => sp.GetServices<ModuleContextRegistration>()
            .Where(m => sp.GetRequiredService(m.ContextType).GetType() != m.ContextTypeFor(provider))
            .Select(m => m.Module)
            .ToList());
        Assert.Empty(wrong);
    }

    /// <summary>
    /// A deployed database has these ids in its migrations history (taken from databases migrated before each provider had
    /// its own context type): each must still be a migration of its module on that provider, or the database would be
    /// migrated again from the start. Only ever add to this list when a migration has shipped.
    /// </summary>
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void Migrations_that_deployed_databases_have_applied_are_still_found(string providerName)
    {
        var provider = Enum.Parse<DatabaseProvider>(providerName);
        var known = city.App.Service(sp => ProviderContexts(sp)
            .Where(c => c.Provider == provider)
            .ToDictionary(c => c.Module, c => c.Context.Database.GetMigrations().ToHashSet()));
        var lost = Shipped[provider].SelectMany(m => m.Value.Where(id => !known.TryGetValue(m.Key, out var ids) || !ids.Contains(id)).Select(id => $"{m.Key}: {id}")).ToList();
        Assert.True(lost.Count == 0, "Migrations applied by deployed databases are gone:\n" + string.Join("\n", lost));
    }

    private static readonly Dictionary<DatabaseProvider, Dictionary<string, string[]>> Shipped = new()
    {
        [DatabaseProvider.Sqlite] = new()
        {
            ["audit"] = ["20261128143358_Initial", "20261201102358_AuditChain"],
            ["calendar"] = ["20261201105005_HolidayCalendar"],
            ["notifications"] = ["20261201122603_Inbox", "20261201143430_InboxUnreadIndex"],
            ["protection"] = ["20261201102733_ProtectionKeys"],
            ["regions"] = ["20261128143409_Initial"],
            ["accounts"] = ["20261128143419_Initial", "20261201102338_SignInFailuresAndPasswordReset"],
            ["residents"] = ["20261128150343_Initial", "20261201103218_BirthYearOnlyAndPendingVerifications", "20261201113310_ResidentSearchIndexes"],
            ["organizations"] = ["20261128144540_Initial"],
            ["facilities"] = ["20261128144515_Initial"],
            ["workforce"] = ["20261128144527_Initial"],
            ["requests"] =
            [
                "20261128145808_Categories", "20261128150618_Tickets", "20261128152658_Open311", "20261128170024_DuplicatesBoxIndex",
                "20261201102159_IdempotencyKeys", "20261201105415_TicketListIndexesAndDailyStats", "20261201113042_Open311UpdatesAndPublicReads",
                "20261201133318_SummonsWithdrawalEscalationAndPatrolReports", "20261201133347_StoppedClocksAndPlatformInbox",
            ],
        },
        [DatabaseProvider.Postgres] = new()
        {
            ["audit"] = ["20261128143403_Initial", "20261201102540_AuditChain"],
            ["calendar"] = ["20261201105142_HolidayCalendar"],
            ["notifications"] = ["20261201122822_Inbox", "20261201143643_InboxUnreadIndex"],
            ["protection"] = ["20261201102914_ProtectionKeys"],
            ["regions"] = ["20261128143414_Initial"],
            ["accounts"] = ["20261128143424_Initial", "20261201102515_SignInFailuresAndPasswordReset"],
            ["residents"] = ["20261128150350_Initial", "20261201103341_BirthYearOnlyAndPendingVerifications", "20261201113526_ResidentSearchIndexes"],
            ["organizations"] = ["20261128144546_Initial"],
            ["facilities"] = ["20261128144521_Initial"],
            ["workforce"] = ["20261128144533_Initial"],
            ["requests"] =
            [
                "20261128145817_Categories", "20261128150625_Tickets", "20261128152714_Open311", "20261128170037_DuplicatesBoxIndex",
                "20261201102340_IdempotencyKeys", "20261201105533_TicketListIndexesAndDailyStats", "20261201113247_Open311UpdatesAndPublicReads",
                "20261201133521_SummonsWithdrawalEscalationAndPatrolReports", "20261201133529_StoppedClocksAndPlatformInbox",
            ],
        },
    };

    private sealed record ProviderContext(string Module, DatabaseProvider Provider, DbContext Context)
    {
        public string Name => $"{Module}/{Provider}";
    }

    /// <summary>
    /// Every module's context of each provider, configured as the application configures it (no connection is opened:
    /// the model, the snapshot and the migrations are all in the assembly).
    /// </summary>
    private static List<ProviderContext> ProviderContexts(IServiceProvider services) => services.GetServices<ModuleContextRegistration>()
        .SelectMany(m => new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres }.Select(provider =>
        {
            var type = m.ContextTypeFor(provider);
            var builder = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(type))!;
            var connectionString = provider == DatabaseProvider.Postgres ? "Host=localhost;Database=model_only" : "Data Source=:memory:";
            var options = PersistenceExtensions.UseProvider(builder, provider, connectionString, m.Module).Options;
            return new ProviderContext(m.Module, provider, (DbContext)ActivatorUtilities.CreateInstance(services, type, options));
        }))
        .ToList();
}
