using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Platform.RateLimiting;

/// <summary>
/// The named policies an endpoint opts into, with <c>.RequireRateLimiting(RateLimitPolicies.X)</c> on a minimal API or
/// <c>[EnableRateLimiting(RateLimitPolicies.X)]</c> on a page model. Each counts a request twice, against its client
/// (an IPv4 address or an IPv6 /64, after a configured proxy's forwarded headers) and against its signed-in account, and
/// refuses either over its limit with 429 and Retry-After.
/// </summary>
internal static class RateLimitPolicies
{
    /// <summary>Signing in (the form, the token, the password change): only the POSTs count, showing the form is free.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Filing a request or patrol finding: the intake pages' POSTs and the intake API.</summary>
    public const string Intake = "intake";

    /// <summary>Open311: POSTs (filing) count against the write limit, GETs (public reads) against the read limit.</summary>
    public const string Open311 = "open311";

    /// <summary>Exports: every request counts.</summary>
    public const string Export = "export";

    /// <summary>Following a request by its number and phone without an account: only the POSTs (the lookups) count.</summary>
    public const string Track = "track";

    /// <summary>Public reads without an account (the service catalog): every request counts.</summary>
    public const string PublicRead = "public-read";

    public static readonly IReadOnlyList<string> All = [SignIn, Intake, Open311, Export, Track, PublicRead];
}

/// <summary>One limit: requests per window from one client and from one account; 0 leaves that side unlimited.</summary>
internal sealed class RateLimitRule
{
    public int PerClient { get; set; }
    public int PerAccount { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The limits (configuration section RateLimiting, e.g. RateLimiting:SignIn:PerClient=30).</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    // Defaults for one office behind one address: a shift signing in, a hotline room filing calls, a client syncing Open311.
    public RateLimitRule SignIn { get; set; } = new() { PerClient = 30 };
    public RateLimitRule Intake { get; set; } = new() { PerClient = 120, PerAccount = 20 };
    public RateLimitRule Open311Write { get; set; } = new() { PerClient = 30 };
    public RateLimitRule Open311Read { get; set; } = new() { PerClient = 300 };
    public RateLimitRule Export { get; set; } = new() { PerClient = 30, PerAccount = 10 };
    // A household looks up a few numbers; guessing a phone for a number has to go through this.
    public RateLimitRule Track { get; set; } = new() { PerClient = 10 };
    // A resident browsing the catalog reads a few dozen pages; a scraper reading it over and over meets this.
    public RateLimitRule PublicRead { get; set; } = new() { PerClient = 300 };

    /// <summary>The names of the rules, as configuration spells them.</summary>
    public static readonly IReadOnlyList<string> RuleNames = [nameof(SignIn), nameof(Intake), nameof(Open311Write), nameof(Open311Read), nameof(Export), nameof(Track), nameof(PublicRead)];

    /// <summary>Which rule a request with <paramref name="method"/> under <paramref name="policy"/> counts against; null when it does not count.</summary>
    public (string Name, RateLimitRule Rule)? RuleFor(string policy, string method)
    {
        var write = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
        return policy switch
        {
            RateLimitPolicies.SignIn when write => (nameof(SignIn), SignIn),
            RateLimitPolicies.Intake when write => (nameof(Intake), Intake),
            RateLimitPolicies.Open311 => write ? (nameof(Open311Write), Open311Write) : (nameof(Open311Read), Open311Read),
            RateLimitPolicies.Export => (nameof(Export), Export),
            RateLimitPolicies.Track when write => (nameof(Track), Track),
            RateLimitPolicies.PublicRead => (nameof(PublicRead), PublicRead),
            _ => null,
        };
    }
}

/// <summary>A negative limit or an empty window is a start-up error, naming the key (0 stays "unlimited").</summary>
internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var failures = new List<string>();
        (string Name, RateLimitRule Rule)[] rules =
        [
            (nameof(options.SignIn), options.SignIn), (nameof(options.Intake), options.Intake), (nameof(options.Open311Write), options.Open311Write),
            (nameof(options.Open311Read), options.Open311Read), (nameof(options.Export), options.Export),
            (nameof(options.PublicRead), options.PublicRead),
        ];
        foreach (var (rule, value) in rules)
        {
            if (value.PerClient < 0) failures.Add($"{RateLimitOptions.Section}:{rule}:PerClient must not be negative.");
            if (value.PerAccount < 0) failures.Add($"{RateLimitOptions.Section}:{rule}:PerAccount must not be negative.");
            if (value.Window <= TimeSpan.Zero || value.Window > TimeSpan.FromDays(1))
                failures.Add($"{RateLimitOptions.Section}:{rule}:Window must be longer than zero and at most a day.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static class RateLimits
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = OnRejectedAsync;
            // The framework runs the global limiter first, then the endpoint's named policy: per client, then per account.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                Partition(context, "client", rule => rule.PerClient, ClientAddress.Key(context)));
            foreach (var policy in RateLimitPolicies.All)
                options.AddPolicy(policy, context =>
                    Partition(context, "account", rule => rule.PerAccount, context.User.FindFirstValue(ClaimTypes.NameIdentifier)));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string side, Func<RateLimitRule, int> limitOf, string? key)
    {
        var endpoint = context.GetEndpoint();
        if (key is null || endpoint is null || endpoint.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null
            || endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName is not { } policy
            || context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.RuleFor(policy, context.Request.Method) is not { } found
            || limitOf(found.Rule) <= 0)
            return RateLimitPartition.GetNoLimiter("");
        var (name, rule) = found;
        var limit = limitOf(rule);
        return RateLimitPartition.GetFixedWindowLimiter($"{name}|{side}|{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = rule.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>429 with Retry-After: ProblemDetails for the API; a browser asking for a page gets the HTML error page (Platform/Ui/Error.cshtml) from the status-code pages.</summary>
    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits))
            .LogWarning("Rate limit reached: {Method} {Path} refused for {Seconds} s", http.Request.Method, http.Request.Path, seconds);
        if (Errors.ErrorResponses.WantsHtmlPage(http)) return;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<Localization.SharedResource>>();
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
                Title = text["请求过于频繁。"],
                Detail = text["此客户端或账号的请求过于频繁，请在 {0} 秒后重试。", seconds],
                Extensions = { ["retryAfterSeconds"] = seconds },
            },
        });
    }
}
