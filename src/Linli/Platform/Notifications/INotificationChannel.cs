namespace Linli.Platform.Notifications;

/// <summary>
/// Where notifications go: the in-app inbox (<see cref="Inbox.InAppInboxChannel"/>), SMS (<see cref="Sms.SmsChannel"/>),
/// or another channel registered the same way. A channel must deliver a message at most once per
/// <see cref="OutboxMessage.Key"/>, however often it is handed the same message: the sender hands it again whenever it
/// cannot record that it was sent (a crash, a failure after delivery).
/// </summary>
internal interface INotificationChannel
{
    /// <summary>Whether this channel takes messages for <paramref name="recipient"/> (by its scheme, <see cref="NotificationAddress.SchemeOf"/>).</summary>
    bool Handles(string recipient);

    /// <summary>Delivers one message; throws when it could not (<see cref="UndeliverableException"/>: and never will).</summary>
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers a batch; per message, null when delivered or what went wrong. By default one at a time.</summary>
    Task<IReadOnlyList<Exception?>> DeliverAllAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        OneByOneAsync(this, messages, cancellationToken);

    static async Task<IReadOnlyList<Exception?>> OneByOneAsync(INotificationChannel channel, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new Exception?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await channel.DeliverAsync(messages[i], cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcomes[i] = e;
            }
        }
        return outcomes;
    }
}

/// <summary>A message a channel can never deliver (no phone number on record, a number the provider refuses): it is not tried again.</summary>
internal sealed class UndeliverableException(string reason) : Exception(reason);

/// <summary>
/// Which channel takes which message: the last registered channel that handles the recipient, so that a deployment (or
/// a test) registering its own channel for some addresses replaces the built-in one for those.
/// </summary>
internal sealed class NotificationChannels(IEnumerable<INotificationChannel> channels)
{
    private readonly INotificationChannel[] _lastFirst = channels.Reverse().ToArray();

    public INotificationChannel? For(string recipient) => _lastFirst.FirstOrDefault(c => c.Handles(recipient));

    /// <summary>Hands each message to its channel, a batch per channel; per message, null when delivered or what went wrong.</summary>
    public async Task<Exception?[]> DeliverAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new Exception?[messages.Count];
        var byChannel = new Dictionary<INotificationChannel, List<int>>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < messages.Count; i++)
        {
            if (For(messages[i].Recipient) is not { } channel)
            {
                outcomes[i] = new UndeliverableException($"No channel takes '{NotificationAddress.SchemeOf(messages[i].Recipient)}' addresses.");
                continue;
            }
            if (!byChannel.TryGetValue(channel, out var list)) byChannel[channel] = list = [];
            list.Add(i);
        }
        foreach (var (channel, indexes) in byChannel)
        {
            var results = await channel.DeliverAllAsync(indexes.Select(i => messages[i]).ToList(), cancellationToken);
            for (var n = 0; n < indexes.Count; n++) outcomes[indexes[n]] = results[n];
        }
        return outcomes;
    }
}
