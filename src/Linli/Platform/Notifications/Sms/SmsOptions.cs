using System.ComponentModel.DataAnnotations;

namespace Linli.Platform.Notifications.Sms;

/// <summary>The SMS gateway (configuration section Notifications:Sms). Without a gateway address no SMS is sent, and messages only SMS could carry are given up.</summary>
internal sealed class SmsOptions : IValidatableObject
{
    public const string Section = "Notifications:Sms";

    /// <summary>The provider's HTTP endpoint messages are POSTed to (JSON: to, text, key); see docs/how-to/notifications.md.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>Sent as a bearer token, when set.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The sender's signature put before every text (短信签名), as registered with the provider.</summary>
    [StringLength(20)]
    public string Signature { get; set; } = "【邻里】";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Messages handed to the gateway at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 4;

    public bool Enabled => !string.IsNullOrWhiteSpace(GatewayUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(GatewayUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            yield return new ValidationResult("Notifications:Sms:GatewayUrl must be an absolute http or https address.", [nameof(GatewayUrl)]);
    }
}
