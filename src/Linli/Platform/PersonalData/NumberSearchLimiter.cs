using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;
using Linli.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Linli.Platform.PersonalData;

/// <summary>How often one person may look somebody up by an exact ID or phone number (section "PersonalData").</summary>
internal sealed class NumberSearchOptions
{
    public const string Section = "PersonalData";

    /// <summary>Searches of the resident pool by ID or phone number, per user and hour.</summary>
    [Range(1, 1_000_000)]
    public int NumberSearchesPerHour { get; set; } = 20;

    /// <summary>The hotline's caller lookups (a caller's earlier tickets by phone), per operator and hour.</summary>
    [Range(1, 1_000_000)]
    public int CallerLookupsPerHour { get; set; } = 60;
}

/// <summary>The kinds of number search, each with its own budget.</summary>
internal enum NumberSearchKind { Residents, CallerLookup }

/// <summary>
/// An exact search by number answers "is this the number?", so with the mask beside it, it is an oracle that recovers
/// the hidden digits by trying them. Each user gets a budget per kind: a token bucket that refills evenly over the hour
/// (20 an hour: one search back every three minutes). The count lives in this process; with several instances each
/// keeps its own, and the audit log (every number search is written there) shows the whole picture.
/// </summary>
internal sealed class NumberSearchLimiter : IDisposable
{
    public const string TooManyFormat = "按号码查询过于频繁：每人每小时最多 {0} 次。请在 {1} 分钟后再试。";

    private readonly NumberSearchOptions _options;
    private readonly PartitionedRateLimiter<(NumberSearchKind Kind, string User)> _limiter;

    public NumberSearchLimiter(IOptions<NumberSearchOptions> options)
    {
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<(NumberSearchKind Kind, string User), (NumberSearchKind Kind, string User)>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k =>
            {
                var perHour = PerHour(k.Kind);
                return new TokenBucketRateLimiterOptions
                {
                    TokenLimit = perHour,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromHours(1) / perHour,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                };
            }));
    }

    public int PerHour(NumberSearchKind kind) => kind == NumberSearchKind.Residents ? _options.NumberSearchesPerHour : _options.CallerLookupsPerHour;

    /// <summary>
    /// Takes one search from <paramref name="userId"/>'s budget, or throws <see cref="TooManyRequestsException"/> (429
    /// with Retry-After) when it is spent. Work outside a request (no user: jobs, verbs) is not limited.
    /// </summary>
    public void Acquire(NumberSearchKind kind, string? userId)
    {
        if (string.IsNullOrEmpty(userId)) return;
        using var lease = _limiter.AttemptAcquire((kind, userId));
        if (lease.IsAcquired) return;
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromHours(1) / PerHour(kind);
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        throw new TooManyRequestsException(TooManyFormat, [PerHour(kind), minutes], retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
