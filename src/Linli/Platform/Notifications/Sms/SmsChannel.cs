using Microsoft.Extensions.Options;

namespace Linli.Platform.Notifications.Sms;

/// <summary>
/// Phone numbers behind addresses of a scheme a module owns: Requests resolves "reporter:{ticket number}" to the phone
/// number a resident without an account gave. Decrypted only here, on the way to the gateway; never logged.
/// </summary>
internal interface ISmsRecipients
{
    string Scheme { get; }

    /// <summary>The phone number of each address it knows one for; addresses without one are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> PhoneNumbersAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken);
}

/// <summary>
/// Texts a message to the phone number behind its address (<see cref="ISmsRecipients"/>) through the configured
/// <see cref="ISmsGateway"/>. It takes no address while no gateway is configured, so those messages are given up
/// rather than kept waiting for ever. Once per key: the gateway's promise (<see cref="ISmsGateway"/>).
/// </summary>
internal sealed class SmsChannel(IEnumerable<ISmsRecipients> recipients, IServiceProvider services, IOptions<SmsOptions> options) : INotificationChannel
{
    private readonly Dictionary<string, ISmsRecipients> _schemes = recipients.ToDictionary(r => r.Scheme);
    private readonly Lazy<bool> _gatewayRegistered = new(() => services.GetService<IServiceProviderIsService>()?.IsService(typeof(ISmsGateway)) == true);

    public bool Handles(string recipient) => _gatewayRegistered.Value && _schemes.ContainsKey(NotificationAddress.SchemeOf(recipient));

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var outcome = (await DeliverAllAsync([message], cancellationToken))[0];
        if (outcome is not null) throw outcome;
    }

    public async Task<IReadOnlyList<Exception?>> DeliverAllAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var gateway = services.GetService<ISmsGateway>() ?? throw new InvalidOperationException("No SMS gateway is configured.");
        var phones = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in messages.Select(m => m.Recipient).Distinct().GroupBy(NotificationAddress.SchemeOf))
        {
            if (!_schemes.TryGetValue(group.Key, out var directory)) continue;
            foreach (var (address, phone) in await directory.PhoneNumbersAsync(group.ToList(), cancellationToken)) phones[address] = phone;
        }
        var outcomes = new Exception?[messages.Count];
        var signature = options.Value.Signature;
        await Parallel.ForEachAsync(Enumerable.Range(0, messages.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var message = messages[i];
                if (!phones.TryGetValue(message.Recipient, out var phone))
                {
                    outcomes[i] = new UndeliverableException("No phone number for the recipient.");
                    return;
                }
                try
                {
                    await gateway.SendAsync(new SmsMessage(message.Key, phone, $"{signature}{message.Subject}：{message.Body}"), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    outcomes[i] = e;
                }
            });
        return outcomes;
    }
}
