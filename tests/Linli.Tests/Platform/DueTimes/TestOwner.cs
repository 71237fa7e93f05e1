using Linli.Platform.Jobs;
using System.Collections.Concurrent;
using Linli.Platform.DueTimes;
using Linli.Platform.Notifications;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Platform.DueTimes;

/// <summary>A reminder of the test-only owner: a case with one due time (a module would derive its own from <see cref="DueTime"/>).</summary>
internal sealed class Reminder : DueTime
{
    public required string Topic { get; set; }
}

/// <summary>What firing a reminder writes, in the watcher's transaction: exactly one row per firing proves it fired once.</summary>
internal sealed class ReminderNote
{
    public long Id { get; set; }
    public long ReminderId { get; set; }
    public DateTime At { get; set; }
}

internal sealed class ReminderMessage : OutboxMessage
{
    public long? ReminderId { get; set; }
    public override string? AboutKind => ReminderId is null ? null : "reminder";
    public override long? AboutId => ReminderId;
}

/// <summary>
/// A module that exists only in the tests: its own context and tables (created on the test database), its due times
/// and its outbox, registered with the platform the way a module does it — to hold the mechanisms without Requests.
/// </summary>
internal sealed class TestOwnerDbContext(DbContextOptions<TestOwnerDbContext> options) : DbContext(options)
{
    public const string Module = "testowner";

    public DbSet<Reminder> Reminders => Set<Reminder>();
    public DbSet<ReminderNote> Notes => Set<ReminderNote>();
    public DbSet<ReminderMessage> Outbox => Set<ReminderMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Reminder>(e =>
        {
            e.ToTable("reminders");
            e.IsDueTime();
            e.Property(x => x.Topic).HasMaxLength(100);
        });
        modelBuilder.Entity<ReminderNote>(e =>
        {
            e.ToTable("notes");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.ReminderId);
        });
        modelBuilder.Entity<ReminderMessage>(e =>
        {
            e.ToTable("outbox");
            e.IsOutbox();
        });
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}

/// <summary>Which reminders were handed to the handler how often, across every instance of the test.</summary>
internal sealed class HandOverLog
{
    public ConcurrentDictionary<long, int> Handed { get; } = new();
}

/// <summary>Fires a reminder: a note and a message to the water department; a reminder about "cancelled" is closed instead.</summary>
internal sealed class ReminderHandler(TestOwnerDbContext db, HandOverLog log) : IDueTimeHandler<Reminder>
{
    public Task FireAsync(IReadOnlyList<Reminder> due, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var reminder in due)
        {
            log.Handed.AddOrUpdate(reminder.Id, 1, (_, n) => n + 1);
            if (reminder.Topic == "cancelled")
            {
                reminder.Close(now);
                continue;
            }
            db.Notes.Add(new ReminderNote { ReminderId = reminder.Id, At = now });
            db.Outbox.Add(new ReminderMessage
            {
                Recipient = NotificationAddress.Department("water"), Subject = "提醒", Body = $"提醒 {reminder.Topic} 已到期。", ReminderId = reminder.Id, CreatedAt = now,
            });
        }
        return Task.CompletedTask;
    }
}

internal static class TestOwner
{
    /// <summary>Registers the owner on the app's database, with its jobs off: the tests run the passes.</summary>
    public static void Register(IServiceCollection services, HandOverLog log)
    {
        services.AddSingleton(log);
        services.AddDbContext<TestOwnerDbContext>((sp, db) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var connection = options.ResolveConnectionString(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
            if (options.Provider == DatabaseProvider.Postgres) db.UseNpgsql(connection);
            else db.UseSqlite(connection).AddInterceptors(SqliteBusyTimeout.Instance);
            db.UseSnakeCaseNamingConvention();
        });
        services.AddDueTimes<TestOwnerDbContext, Reminder, ReminderHandler>("testowner.reminders", _ => new PollSchedule(false, TimeSpan.FromSeconds(1)));
        services.AddOutbox<TestOwnerDbContext, ReminderMessage>(TestOwnerDbContext.Module, _ => new PollSchedule(false, TimeSpan.FromSeconds(1)));
    }

    /// <summary>Creates the owner's tables on the app's database (once per database).</summary>
    public static async Task CreateTablesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TestOwnerDbContext>();
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
    }
}
