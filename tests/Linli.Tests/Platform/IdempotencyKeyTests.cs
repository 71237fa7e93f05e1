using Linli.Platform.Idempotency;

namespace Linli.Tests.Platform;

/// <summary>The key as the IETF draft writes it (a structured-field string) or bare, and the fingerprint of a request.</summary>
public sealed class IdempotencyKeyTests
{
    [Theory]
    [InlineData("8e03978e-40d5-43e8-bc93-6894a57f9324", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"", "8e03978e-40d5-43e8-bc93-6894a57f9324")]
    [InlineData("  abc  ", "abc")]
    [InlineData("", null)]
    [InlineData("\"\"", null)]
    [InlineData("two words", null)]
    [InlineData("tab\there", null)]
    [InlineData("键", null)]
    [InlineData(null, null)]
    public void A_key_is_1_to_255_printable_ascii_characters_quoted_or_not(string? given, string? expected) =>
        Assert.Equal(expected, IdempotencyKey.Parse(given));

    [Fact]
    public void A_key_longer_than_255_characters_is_not_a_key()
    {
        Assert.NotNull(IdempotencyKey.Parse(new string('k', 255)));
        Assert.Null(IdempotencyKey.Parse(new string('k', 256)));
    }

    [Fact]
    public void The_fingerprint_tells_requests_apart_by_every_part_and_its_boundaries()
    {
        Assert.Equal(IdempotencyKey.Fingerprint("POST /x", "{\"a\":1}"), IdempotencyKey.Fingerprint("POST /x", "{\"a\":1}"));
        Assert.NotEqual(IdempotencyKey.Fingerprint("POST /x", "{\"a\":1}"), IdempotencyKey.Fingerprint("POST /x", "{\"a\":2}"));
        Assert.NotEqual(IdempotencyKey.Fingerprint("ab", "c"), IdempotencyKey.Fingerprint("a", "bc"));
        Assert.NotEqual(IdempotencyKey.Fingerprint("a", null), IdempotencyKey.Fingerprint("a", ""));
        Assert.Matches("^[0-9a-f]{64}$", IdempotencyKey.Fingerprint("x"));
    }
}
