using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Classification;
using Linli.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// Retrains the request classifier on every confirmed example every Requests:ClassifierRetrainHours (a week by default);
/// the quality gate decides whether the new model is used. The first pass waits one interval: at start the model in use
/// (or the first one, trained on demand) is good enough.
/// </summary>
internal sealed class ClassifierRetraining(IServiceScopeFactory scopes, IOptions<RequestsOptions> options, TimeProvider clock, ILogger<ClassifierRetraining> logger)
    : PollingJob(clock, logger)
{
    private bool _started;

    protected override bool Enabled => options.Value.RunJobs && options.Value.ClassifierRetrainHours > 0;
    protected override TimeSpan Interval => TimeSpan.FromHours(Math.Max(1, options.Value.ClassifierRetrainHours));

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!_started)
        {
            _started = true;
            return;
        }
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ClassifierRegistry>().TrainAsync("scheduled", cancellationToken);
    }
}
