using Linli.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Platform;

/// <summary>Settings out of range stop the start, naming the key, before anything touches the database — not a job that spins or a limit that never applies.</summary>
public sealed class OptionsValidationTests
{
    private sealed class App(string key, string value) : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new(key, value)];
    }

    [Theory]
    [InlineData("Requests:PollSeconds", "0", "PollSeconds")]
    [InlineData("Requests:ReportInMinutesUrgent", "-30", "ReportInMinutesUrgent")]
    [InlineData("Requests:CatalogRefreshSeconds", "0", "CatalogRefreshSeconds")]
    [InlineData("Calendar:RefreshSeconds", "0", "RefreshSeconds")]
    [InlineData("RateLimiting:SignIn:PerClient", "-1", "RateLimiting:SignIn:PerClient")]
    [InlineData("RateLimiting:Export:Window", "00:00:00", "RateLimiting:Export:Window")]
    [InlineData("Notifications:Sms:GatewayUrl", "sms-gateway", "Notifications:Sms:GatewayUrl")]
    [InlineData("Notifications:Sms:TimeoutSeconds", "0", "TimeoutSeconds")]
    // Texts carry links, which need the public address; one that is not an absolute http(s) address is refused.
    [InlineData("Notifications:Sms:GatewayUrl", "https://sms.example/send", "Hosting:PublicAddress")]
    [InlineData("Hosting:PublicAddress", "linli.example.gov.cn", "Hosting:PublicAddress")]
    [InlineData("Hosting:PublicAddress", "ftp://linli.example.gov.cn", "Hosting:PublicAddress")]
    [InlineData("Attachments:MaxBytes", "0", "MaxBytes")]
    [InlineData("Attachments:MaxBytes", "104857600", "MaxBytes")]
    [InlineData("Attachments:Folder", "", "Folder")]
    [InlineData("Attachments:PendingCleanupIntervalMinutes", "0", "PendingCleanupIntervalMinutes")]
    public async Task A_setting_out_of_range_stops_the_start_and_names_its_key(string key, string value, string named)
    {
        await using var app = new App(key, value);
        var error = Assert.ThrowsAny<Exception>(() => app.Server);
        var invalid = Unwrap(error).OfType<OptionsValidationException>().FirstOrDefault();
        Assert.True(invalid is not null, $"expected an options validation failure, got {error}");
        Assert.Contains(named, invalid.Message);
    }

    private static IEnumerable<Exception> Unwrap(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Unwrap)) yield return inner;
        }
    }
}
