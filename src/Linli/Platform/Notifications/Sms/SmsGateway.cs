using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Notifications.Sms;

/// <summary>
/// One text to one phone number in E.164 (+8613912345678); <see cref="Key"/> is the outbox message's, so that the provider
/// sends it once however often it is handed over.
/// </summary>
internal sealed record SmsMessage(Guid Key, string PhoneNumber, string Text);

/// <summary>An SMS provider. It must send each <see cref="SmsMessage.Key"/> at most once; throw <see cref="UndeliverableException"/> for a message it will never send.</summary>
internal interface ISmsGateway
{
    Task SendAsync(SmsMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// A provider behind an HTTP endpoint (<see cref="SmsOptions.GatewayUrl"/>): POST {"to", "text", "key"} as JSON, with the
/// key also as the Idempotency-Key header (the provider keeps it and answers a repeat without sending again) and
/// <see cref="SmsOptions.ApiKey"/> as a bearer token. 2xx is sent; 400, 404 and 422 are refusals that a retry cannot
/// change (a number the provider will not send to); anything else is tried again on the next pass.
/// </summary>
internal sealed class HttpSmsGateway(HttpClient http, IOptions<SmsOptions> options) : ISmsGateway
{
    public async Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.GatewayUrl)
        {
            Content = JsonContent.Create(new { to = message.PhoneNumber, text = message.Text, key = message.Key }),
        };
        request.Headers.Add("Idempotency-Key", message.Key.ToString());
        if (!string.IsNullOrEmpty(settings.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return;
        // The status only: the provider's answer may repeat the number.
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound or HttpStatusCode.UnprocessableEntity)
            throw new UndeliverableException($"The SMS gateway refused the message ({(int)response.StatusCode}).");
        throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
    }
}
