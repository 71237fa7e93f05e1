using System.Data.Common;
using System.Text;
using Linli.Modules.Care.Data;
using Linli.Modules.Care.Domain;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Care.Features.SyncRoster;

/// <summary>What a sync did: residents on the roster of the area, of them newly added, and those who left it.</summary>
internal sealed record RosterSyncResult(string Region, int OnRoster, int Added, int Removed);

/// <summary>
/// Brings the roster of an area up to date with the resident pool's tags, set-based: the pool is read in keyset batches
/// (<see cref="ICareRoster"/>), each batch's tiers and next due visits follow from the rules in memory, and each batch is
/// written with one INSERT … ON CONFLICT DO UPDATE; residents who no longer carry a roster tag leave it with one DELETE.
/// No row is loaded into change tracking.
/// </summary>
internal sealed class RosterSync(CareDbContext db, ICareRoster roster, TimeProvider clock)
{
    public const int BatchSize = 500;

    public async Task<RosterSyncResult> RunAsync(string regionPrefix, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(WorkingCalendar.ToChina(now));
        int onRoster = 0, added = 0;
        long after = 0;
        while (true)
        {
            var batch = await roster.BatchAsync(regionPrefix, today, after, BatchSize, ct);
            if (batch.Count == 0) break;
            added += await UpsertAsync(batch, now, ct);
            onRoster += batch.Count;
            after = batch[^1].ResidentId;
            if (batch.Count < BatchSize) break;
        }
        // Left the roster: no roster tag any more (or moved out of the area), so not seen by this run.
        var removed = await db.Roster.Where(r => r.CommunityCode.StartsWith(regionPrefix) && r.SyncedAt < now).ExecuteDeleteAsync(ct);
        return new RosterSyncResult(regionPrefix, onRoster, added, removed);
    }

    /// <summary>The roster rows of these residents as the rules make them now, in one upsert; answers how many were new.</summary>
    private async Task<int> UpsertAsync(IReadOnlyList<CareRosterEntry> batch, DateTime now, CancellationToken ct)
    {
        var ids = batch.Select(e => e.ResidentId).ToList();
        var stored = await db.Roster.AsNoTracking().Where(r => ids.Contains(r.ResidentId))
            .Select(r => new { r.ResidentId, r.FindingTier, r.RaisedTier, r.JoinedAt, r.LastVisitAt, r.NextDueAt, r.WindowStartAt, r.WindowEndAt, r.DueReason, r.DueNote })
            .ToDictionaryAsync(r => r.ResidentId, ct);

        var rows = new List<object?[]>(batch.Count);
        foreach (var entry in batch)
        {
            stored.TryGetValue(entry.ResidentId, out var s);
            var tagTier = TierRules.FromTags(entry.Tags).Tier;
            var tier = TierRules.Effective(tagTier, s?.FindingTier, s?.RaisedTier);
            var joined = s?.JoinedAt ?? now;
            var next = VisitPlan.Resync(s is null ? null : new NextVisit(s.NextDueAt, s.WindowStartAt, s.WindowEndAt, s.DueReason), tier, s?.LastVisitAt ?? joined);
            rows.Add([entry.ResidentId, entry.CommunityCode, entry.GridCode, RosterEntry.TagText(entry.Tags), (int)tagTier, (int)tier, joined, now,
                next.DueAt, next.WindowStart, next.WindowEnd, (int)next.Reason, next.Reason == DueReason.Routine ? null : s?.DueNote]);
        }

        string[] properties = [nameof(RosterEntry.ResidentId), nameof(RosterEntry.CommunityCode), nameof(RosterEntry.GridCode), nameof(RosterEntry.Tags),
            nameof(RosterEntry.TagTier), nameof(RosterEntry.Tier), nameof(RosterEntry.JoinedAt), nameof(RosterEntry.SyncedAt), nameof(RosterEntry.NextDueAt),
            nameof(RosterEntry.WindowStartAt), nameof(RosterEntry.WindowEndAt), nameof(RosterEntry.DueReason), nameof(RosterEntry.DueNote)];
        var columns = properties.Select(db.ColumnOf<RosterEntry>).ToArray();
        var sql = new StringBuilder($"INSERT INTO {db.TableOf<RosterEntry>()} ({string.Join(", ", columns)}) VALUES ");
        var parameters = new List<DbParameter>(rows.Count * columns.Length);
        using var command = db.Database.GetDbConnection().CreateCommand();
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                var p = command.CreateParameter();
                p.ParameterName = $"@p{parameters.Count}";
                p.Value = rows[i][c] ?? DBNull.Value;
                parameters.Add(p);
                sql.Append(c == 0 ? "" : ", ").Append(p.ParameterName);
            }
            sql.Append(')');
        }
        // Joined-at, findings, raises and the last visit are the roster's own; everything from the pool and the rules is replaced.
        sql.Append(System.Globalization.CultureInfo.InvariantCulture, $" ON CONFLICT ({columns[0]}) DO UPDATE SET ")
            .Append(string.Join(", ", columns.Where((_, c) => c is not 0 and not 6).Select(c => $"{c} = excluded.{c}")));
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        return batch.Count - stored.Count;
    }
}
