using Linli.Platform.Calendar.Data.Configurations;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Calendar;

/// <summary>A day of a year an administrator entered; a year with rows here replaces the shipped file's days of that year.</summary>
internal sealed class HolidayDay
{
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public HolidayKind Kind { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// One change to one year (entered, imported or reset to the shipped file), kept for the history and to rebuild the
/// calendar as it was before it. A change takes effect on every instance once the modules have recomputed their open
/// deadlines under it (<see cref="RecomputedAt"/>).
/// </summary>
internal sealed class CalendarRevision
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public int Year { get; set; }
    /// <summary>The year's days after the change as JSON (the shipped format); null: back to the shipped file.</summary>
    public string? Days { get; set; }
    public required string Summary { get; set; }
    public DateTime? RecomputedAt { get; set; }
}

/// <summary>That a module applied a revision to its deadlines; written in the module's own transaction, so it happens once.</summary>
internal sealed class CalendarRecomputation
{
    public long RevisionId { get; set; }
    public required string Handler { get; set; }
    public DateTime AppliedAt { get; set; }
    /// <summary>Open items whose deadlines moved.</summary>
    public int Items { get; set; }
}

internal abstract class CalendarDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "calendar";

    public DbSet<HolidayDay> Days => Set<HolidayDay>();
    public DbSet<CalendarRevision> Revisions => Set<CalendarRevision>();
    public DbSet<CalendarRecomputation> Recomputations => Set<CalendarRecomputation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CalendarDbContext).Assembly, t => t.Namespace == typeof(HolidayDayConfiguration).Namespace);
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
