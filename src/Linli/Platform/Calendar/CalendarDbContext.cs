using Linli.Platform.Calendar.Data.Configurations;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Calendar;

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
