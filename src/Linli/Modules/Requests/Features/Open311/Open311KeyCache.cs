using Linli.Modules.Requests.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// Valid keys are remembered for a minute, so a busy client costs no query per request; revoking a key forgets it here at
/// once (another instance notices within the minute). Unknown keys are never cached.
/// </summary>
internal sealed class Open311KeyCache(TimeProvider clock)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int ClientId, string Name, DateTime Until)> _valid = new();

    public async Task<(int Id, string Name)> ClientAsync(RequestsDbContext db, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) throw Open311Exception.Forbidden("api_key is required.");
        var hash = Open311Keys.Hash(key);
        var id = Convert.ToHexString(hash);
        var now = clock.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(id, out var known) && known.Until > now) return (known.ClientId, known.Name);
        var client = await db.Open311Clients.AsNoTracking().Where(c => c.KeyHash == hash && c.RevokedAt == null).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync(ct)
                     ?? throw Open311Exception.Forbidden("api_key is not valid.");
        _valid[id] = (client.Id, client.Name, now + Keep);
        return (client.Id, client.Name);
    }

    public void Forget(int clientId)
    {
        foreach (var (id, entry) in _valid)
        {
            if (entry.ClientId == clientId) _valid.TryRemove(id, out _);
        }
    }
}
