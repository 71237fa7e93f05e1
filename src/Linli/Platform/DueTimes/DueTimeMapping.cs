using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.DueTimes;

internal static class DueTimeMapping
{
    /// <summary>
    /// Maps the <see cref="DueTime"/> columns of a module's due-time entity: firing, meeting and
    /// stopping are conditional on the state they were read in, so whichever of two comes second fails and is retried;
    /// and the watcher's question — which running due times have passed? — is answered by one partial index.
    /// (The same SQL on both providers: the module contexts use snake_case names.)
    /// </summary>
    public static EntityTypeBuilder<TDue> IsDueTime<TDue>(this EntityTypeBuilder<TDue> entity) where TDue : DueTime
    {
        entity.HasKey(x => x.Id);
        entity.Property(x => x.FiredAt).IsConcurrencyToken();
        entity.Property(x => x.ClosedAt).IsConcurrencyToken();
        entity.Property(x => x.PausedAt).IsConcurrencyToken();
        entity.Ignore(x => x.IsOpen);
        entity.Ignore(x => x.IsRunning);
        entity.Ignore(x => x.IsPaused);
        // Named by the convention from the module's table (SQLite wants index names unique across the file).
        entity.HasIndex(x => x.DueAt).HasFilter(RunningFilter);
        return entity;
    }

    /// <summary>The rows the watcher looks at, as SQL.</summary>
    public const string RunningFilter = "fired_at IS NULL AND closed_at IS NULL AND paused_at IS NULL";
}
