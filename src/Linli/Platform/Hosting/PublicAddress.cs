using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Hosting;

/// <summary>
/// The address residents reach the platform at (configuration key Hosting:PublicAddress, e.g. https://linli.example.gov.cn).
/// A link that leaves the site — in a text message — must be absolute, and behind a proxy the request's own host is not
/// the public one, so it is configured rather than guessed. Required when SMS is on (Platform/Notifications/NotificationServices.cs).
/// </summary>
internal sealed class PublicAddressOptions : IValidatableObject
{
    public const string Section = "Hosting";

    public string? PublicAddress { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(PublicAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsSet && (!Uri.TryCreate(PublicAddress, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                      || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment)))
            yield return new ValidationResult("Hosting:PublicAddress must be an absolute http or https address without query or fragment.", [nameof(PublicAddress)]);
    }
}

/// <summary>Makes a site path (starting with /) into the link a message carries: absolute when the public address is set.</summary>
internal sealed class PublicLinks(IOptions<PublicAddressOptions> options)
{
    public string To(string path)
    {
        if (!path.StartsWith('/')) throw new ArgumentException("A site path starts with /.", nameof(path));
        return options.Value.IsSet ? options.Value.PublicAddress!.TrimEnd('/') + path : path;
    }
}

internal static class PublicLinksRegistration
{
    public static IServiceCollection AddPublicLinks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PublicAddressOptions>().Bind(configuration.GetSection(PublicAddressOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        return services;
    }
}
