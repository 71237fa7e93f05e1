using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Platform;

/// <summary>The per-user budget of number searches, without HTTP.</summary>
public sealed class NumberSearchLimiterTests
{
    [Fact]
    public void Each_user_and_kind_has_a_budget_of_its_own_and_the_refusal_says_when_to_retry()
    {
        using var limiter = new NumberSearchLimiter(Options.Create(new NumberSearchOptions { NumberSearchesPerHour = 2, CallerLookupsPerHour = 1 }));
        limiter.Acquire(NumberSearchKind.Residents, "u1");
        limiter.Acquire(NumberSearchKind.Residents, "u1");
        var refused = Assert.Throws<TooManyRequestsException>(() => limiter.Acquire(NumberSearchKind.Residents, "u1"));
        Assert.InRange(refused.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(30));
        Assert.Equal(NumberSearchLimiter.TooManyFormat, refused.Format);
        Assert.Equal(2, refused.Arguments[0]);
        Assert.Contains("每人每小时最多 2 次", refused.Message);

        limiter.Acquire(NumberSearchKind.Residents, "u2");
        limiter.Acquire(NumberSearchKind.CallerLookup, "u1");
        Assert.Throws<TooManyRequestsException>(() => limiter.Acquire(NumberSearchKind.CallerLookup, "u1"));
        // Work outside a request (no user) is not limited.
        for (var i = 0; i < 10; i++) limiter.Acquire(NumberSearchKind.Residents, null);
    }
}
