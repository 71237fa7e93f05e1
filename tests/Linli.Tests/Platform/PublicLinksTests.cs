using Linli.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Platform;

/// <summary>A link in a text message (Platform/Hosting/PublicAddress.cs): absolute under the configured public address.</summary>
public sealed class PublicLinksTests
{
    private static PublicLinks Links(string? address) => new(Options.Create(new PublicAddressOptions { PublicAddress = address }));

    [Fact]
    public void Without_a_public_address_a_link_stays_site_relative() =>
        Assert.Equal("/track/abc", Links(null).To("/track/abc"));

    [Theory]
    [InlineData("https://linli.example.gov.cn", "https://linli.example.gov.cn/track/abc")]
    [InlineData("https://linli.example.gov.cn/", "https://linli.example.gov.cn/track/abc")]
    [InlineData("https://gov.example.cn/linli", "https://gov.example.cn/linli/track/abc")]
    [InlineData("https://gov.example.cn/linli/", "https://gov.example.cn/linli/track/abc")]
    public void A_link_is_the_public_address_and_the_path_with_one_slash_between(string address, string expected) =>
        Assert.Equal(expected, Links(address).To("/track/abc"));

    [Fact]
    public void A_path_that_does_not_start_with_a_slash_is_refused() =>
        Assert.Throws<ArgumentException>(() => Links("https://linli.example.gov.cn").To("track/abc"));
}
