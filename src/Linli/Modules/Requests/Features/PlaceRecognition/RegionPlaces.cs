using Linli.Modules.Regions.Contracts;

namespace Linli.Modules.Requests.Features.PlaceRecognition;

/// <summary>
/// The recognizer over the region tree's districts, streets and communities (read through the Regions module's
/// contract, a few thousand rows), built once and kept for an hour: the tree changes with a yearly edition, not per request.
/// </summary>
internal sealed class RegionPlaces(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (PlaceRecognizer Recognizer, DateTime At)? _built;

    public async Task<PlaceRecognizer> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_built is { } b && now - b.At < Keep) return b.Recognizer;
        await _gate.WaitAsync(ct);
        try
        {
            if (_built is { } again && now - again.At < Keep) return again.Recognizer;
            using var scope = scopes.CreateScope();
            var regions = scope.ServiceProvider.GetRequiredService<IRegionDirectory>();
            var entries = new List<PlaceEntry>();
            foreach (var (level, depth) in new[] { (RegionLevel.District, 1), (RegionLevel.Street, 2), (RegionLevel.Community, 3) })
                entries.AddRange((await regions.ListAsync(level, "", ct)).Select(r => new PlaceEntry(r.Code, r.Name, depth, depth == 1 ? null : r.ParentCode)));
            var recognizer = new PlaceRecognizer(entries);
            _built = (recognizer, now);
            return recognizer;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
