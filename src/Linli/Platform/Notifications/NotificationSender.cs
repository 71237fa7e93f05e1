using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications;

internal static class OutboxSenderLimits
{
    /// <summary>Messages claimed per transaction.</summary>
    public const int Batch = 100;

    /// <summary>Failed deliveries before a message is given up.</summary>
    public const int MaxAttempts = 20;
}

/// <summary>One module's outbox.</summary>
internal interface IOutbox
{
    string Name { get; }

    /// <summary>Sends what is waiting; returns how many messages were delivered.</summary>
    Task<int> RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>Every module's outbox, for one pass over all of them (the tests' and the tools' entry point).</summary>
internal sealed class NotificationSender(IEnumerable<IOutbox> outboxes)
{
    /// <summary>Sends what is waiting in every module; returns how many messages were delivered.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var outbox in outboxes) sent += await outbox.RunOnceAsync(cancellationToken);
        return sent;
    }
}

/// <summary>
/// Drains a module's outbox through the channels (<see cref="NotificationChannels"/>). A message is marked sent only
/// after its channel took it; if marking fails, the next pass hands it again and the channel's idempotency keeps it
/// single. On PostgreSQL a batch is claimed with FOR UPDATE SKIP LOCKED, so instances never work on the same message.
/// The marks are set-based (one UPDATE for the delivered ones), so a batch costs a few statements however large.
/// </summary>
internal sealed class OutboxSender<TContext, TMessage>(string name, IServiceScopeFactory scopes, NotificationChannels channels, TimeProvider clock,
    ILogger<OutboxSender<TContext, TMessage>> logger) : IOutbox, IDisposable
    where TContext : DbContext
    where TMessage : OutboxMessage
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public string Name => name;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            while (true)
            {
                var (claimed, settled, delivered) = await SendBatchAsync(cancellationToken);
                sent += delivered;
                // A batch that settled nothing (a channel down) waits for the next pass rather than spinning.
                if (claimed < OutboxSenderLimits.Batch || settled == 0) return sent;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Claims a batch and hands it to the channels; returns how many were claimed, settled (delivered or given up) and delivered.</summary>
    private async Task<(int Claimed, int Settled, int Delivered)> SendBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var postgres = db.Database.IsNpgsql();
        await using var claim = postgres ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var batch = await db.ClaimBatchAsync<TMessage>(OutboxMapping.WaitingFilter, "id", [],
            q => q.Where(m => m.SentAt == null && m.FailedAt == null).OrderBy(m => m.Id), OutboxSenderLimits.Batch, tracked: false, cancellationToken);
        if (batch.Count == 0) return (0, 0, 0);
        var outcomes = await channels.DeliverAsync(batch, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var delivered = new List<long>(batch.Count);
        var failed = new Dictionary<(string Error, bool GivenUp), List<long>>();
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (outcomes[i] is not { } failure)
            {
                delivered.Add(message.Id);
                continue;
            }
            var attempts = message.Attempts + 1;
            var givenUp = failure is UndeliverableException || attempts >= OutboxSenderLimits.MaxAttempts;
            var error = Truncate(failure is UndeliverableException ? failure.Message : failure.GetType().Name);
            if (!failed.TryGetValue((error, givenUp), out var ids)) failed[(error, givenUp)] = ids = [];
            ids.Add(message.Id);
            if (!givenUp) logger.LogWarning("{Outbox}: notification {MessageId} not delivered ({Error}); attempt {Attempt}", name, message.Id, error, attempts);
        }
        // On SQLite the read above holds no transaction open across delivery; the marks are one short write.
        await using var marks = claim is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (delivered.Count > 0)
            await db.Set<TMessage>().Where(m => delivered.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, now).SetProperty(m => m.LastError, (string?)null), cancellationToken);
        // Failures by what went wrong: a statement per kind of failure, not per message.
        foreach (var ((error, givenUp), ids) in failed)
        {
            DateTime? failedAt = givenUp ? now : null;
            await db.Set<TMessage>().Where(m => ids.Contains(m.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, error).SetProperty(m => m.FailedAt, failedAt), cancellationToken);
        }
        var givenUpCount = failed.Where(f => f.Key.GivenUp).Sum(f => f.Value.Count);
        if (givenUpCount > 0)
            logger.LogWarning("{Outbox}: {Count} notification(s) given up (no channel takes them, the channel refused them, or they failed {Max} times)",
                name, givenUpCount, OutboxSenderLimits.MaxAttempts);
        if (marks is not null) await marks.CommitAsync(cancellationToken);
        if (claim is not null) await claim.CommitAsync(cancellationToken);
        return (batch.Count, delivered.Count + givenUpCount, delivered.Count);
    }

    // Error texts are exception type names or a channel's reason: never a recipient's personal data.
    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];
}

/// <summary>Drains one module's outbox on its schedule, by the injected clock.</summary>
internal sealed class OutboxJob<TContext, TMessage>(OutboxSender<TContext, TMessage> sender, Func<IServiceProvider, PollSchedule> schedule, IServiceProvider services,
    TimeProvider clock, ILogger<OutboxJob<TContext, TMessage>> logger) : PollingJob(clock, logger)
    where TContext : DbContext
    where TMessage : OutboxMessage
{
    private PollSchedule Schedule => schedule(services);
    protected override bool Enabled => Schedule.Enabled;
    protected override TimeSpan Interval => Schedule.Interval;
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sender.RunOnceAsync(cancellationToken);
}
