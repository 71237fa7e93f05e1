using Linli.Modules.Accounts.Features.SignIn;
using Linli.Platform.Jobs;

namespace Linli.Modules.Accounts.Jobs;

/// <summary>Deletes failed-sign-in counts that no longer change any answer, once an hour, so names tried once do not pile up.</summary>
internal sealed class SignInFailureCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SignInFailureCleanup> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => true;
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SignInThrottle>().DeleteExpiredAsync(cancellationToken);
    }
}
