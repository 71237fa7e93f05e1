using System.Data;
using Linli.Platform.Calendar;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Platform.Numbering;

/// <summary>A module's per-day counter behind its case numbers (a table of its own: day, last number).</summary>
internal abstract class DailyNumberCounter
{
    public required string Day { get; set; }
    public int LastNumber { get; set; }
}

/// <summary>
/// Case numbers: an optional prefix, the China-time day and a per-day sequence (20260929000017). Each app instance
/// reserves the sequence in blocks of <see cref="BlockSize"/> with one atomic upsert of the day's counter, outside the
/// case's transaction, and hands the block out in memory: concurrent intakes neither wait on each other's commit nor
/// queue on the counter row (one hot row committed per case capped PostgreSQL at one intake per WAL flush). A failed
/// intake or a restart leaves a gap, never a duplicate; with several instances, numbers are unique but interleave by
/// block. Registered once per module as a singleton (one block in memory per module and instance).
/// </summary>
internal class DailyNumbers<TCounter>(string prefix) : IDisposable where TCounter : DailyNumberCounter
{
    public const int BlockSize = 100;

    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _refill = new(1, 1);
    private string? _day;
    private long _next, _last;

    public void Dispose()
    {
        _refill.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <param name="db">The module's context, which maps <typeparamref name="TCounter"/>.</param>
    public async Task<string> NextAsync(DbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var day = WorkingCalendar.ToChina(nowUtc).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        if (TryTake(day) is { } number) return number;
        await _refill.WaitAsync(cancellationToken);
        try
        {
            if (TryTake(day) is { } raced) return raced;
            var last = await ReserveAsync(db, day, cancellationToken);
            lock (_lock) (_day, _next, _last) = (day, last - BlockSize + 1, last);
            return TryTake(day)!;
        }
        finally
        {
            _refill.Release();
        }
    }

    private string? TryTake(string day)
    {
        lock (_lock)
        {
            if (_day != day || _next > _last) return null;
            return $"{prefix}{day}{_next++:D6}";
        }
    }

    private static async Task<long> ReserveAsync(DbContext db, string day, CancellationToken cancellationToken)
    {
        var table = db.QualifiedTable<TCounter>();
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != ConnectionState.Open;
        if (openedHere) await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO {table} AS c (day, last_number) VALUES (@day, {BlockSize}) " +
                                  $"ON CONFLICT (day) DO UPDATE SET last_number = c.last_number + {BlockSize} RETURNING last_number";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@day";
            parameter.Value = day;
            command.Parameters.Add(parameter);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (openedHere) await db.Database.CloseConnectionAsync();
        }
    }
}
