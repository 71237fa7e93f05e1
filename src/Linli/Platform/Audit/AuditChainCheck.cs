namespace Linli.Platform.Audit;

/// <summary>What is wrong at the first broken link of the chain.</summary>
internal enum AuditBreakKind
{
    /// <summary>An entry's content (or its sequence number) no longer matches its hash.</summary>
    Changed,
    /// <summary>Entries are missing between two that are intact.</summary>
    Deleted,
    /// <summary>An entry that is not part of the chain: its successor links over it.</summary>
    Inserted,
    /// <summary>An entry stands before one it was chained after.</summary>
    Reordered,
    /// <summary>The log ends before the last checkpoint: entries at its end were removed.</summary>
    TruncatedTail,
    /// <summary>An entry or checkpoint was signed with a key that verification does not have.</summary>
    UnknownKey,
    /// <summary>A checkpoint's signature does not match: it was forged or changed.</summary>
    CheckpointForged,
}

/// <summary>
/// The first broken link: its kind, the sequence number and row id of the entry where it shows, and for missing entries
/// the range of sequence numbers that is gone.
/// </summary>
internal sealed record AuditBreak(AuditBreakKind Kind, long Sequence, long? EntryId, long? FirstMissing = null, long? LastMissing = null);

/// <summary>A head of the chain recorded elsewhere (a checkpoint row, the anchor file): that entry must still be there, unchanged.</summary>
internal sealed record AuditAnchor(string Source, long Sequence, byte[] Hash, DateTime At);

/// <summary>The outcome of one verification: how many entries are intact, how many predate the chain, where it ends, the first break.</summary>
internal sealed record AuditVerification(long Verified, long BeforeChain, long LastSequence, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Walks the log in sequence order, one entry at a time (nothing else is kept), and finds the first broken link. A broken
/// entry is classified with the one after it: if the successor still links to the entry's stored hash, the entry was
/// changed; if the successor links over it, it was inserted; if it links to its successor, the two were swapped. An
/// intact entry whose predecessors are missing marks a deletion; an anchor beyond the last entry, a truncated tail.
/// </summary>
internal sealed class AuditChainCheck(AuditChainKeys keys, IReadOnlyCollection<AuditAnchor> anchors)
{
    private byte[] _expectedPrevious = AuditChain.Genesis;
    private long _expectedSequence = 1;
    private bool _chained;
    private (AuditEntry Entry, bool Genuine)? _pending;
    private long _verified, _beforeChain, _lastSequence;
    private AuditBreak? _break;

    public long Seen => _verified + _beforeChain;

    /// <summary>Takes the next entry (ordered by sequence, then id); false once a break is found and nothing more is needed.</summary>
    public bool Add(AuditEntry entry)
    {
        if (_break is not null) return false;
        if (_pending is { } pending)
        {
            _break = Classify(pending.Entry, pending.Genuine, entry);
            return false;
        }
        if (entry.Hash.Length == 0 && !_chained)
        {
            // Written before the log was chained: counted, not verifiable; the chain starts after them.
            _beforeChain++;
            _expectedSequence = entry.Sequence + 1;
            _lastSequence = entry.Sequence;
            return true;
        }
        if (entry.Hash.Length != 0 && !keys.TryGet(entry.KeyId, out _))
        {
            _break = new AuditBreak(AuditBreakKind.UnknownKey, entry.Sequence, entry.Id);
            return false;
        }
        var genuine = entry.Hash.Length != 0 && keys.TryGet(entry.KeyId, out var key) && AuditChain.Verifies(key, entry);
        if (genuine && entry.Sequence == _expectedSequence && entry.PreviousHash.AsSpan().SequenceEqual(_expectedPrevious))
        {
            foreach (var anchor in anchors)
            {
                if (anchor.Sequence == entry.Sequence && !anchor.Hash.AsSpan().SequenceEqual(entry.Hash))
                {
                    // Intact in itself but not the entry the anchor saw: the chain was rebuilt from here.
                    _break = new AuditBreak(AuditBreakKind.Changed, entry.Sequence, entry.Id);
                    return false;
                }
            }
            _chained = true;
            _verified++;
            _lastSequence = entry.Sequence;
            _expectedSequence = entry.Sequence + 1;
            _expectedPrevious = entry.Hash;
            return true;
        }
        _pending = (entry, genuine);
        return true;
    }

    public AuditVerification Finish()
    {
        if (_break is null && _pending is { } pending) _break = Classify(pending.Entry, pending.Genuine, next: null);
        if (_break is null && anchors.Where(a => a.Sequence > _lastSequence).MaxBy(a => a.Sequence) is { } beyond)
            _break = new AuditBreak(AuditBreakKind.TruncatedTail, _lastSequence, null, _lastSequence + 1, beyond.Sequence);
        return new AuditVerification(_verified, _beforeChain, _lastSequence, _break);
    }

    private AuditBreak Classify(AuditEntry entry, bool genuine, AuditEntry? next)
    {
        if (genuine)
        {
            // Signed by the key, so not forged: its place is what is wrong.
            return entry.Sequence > _expectedSequence
                ? new AuditBreak(AuditBreakKind.Deleted, entry.Sequence, entry.Id, _expectedSequence, entry.Sequence - 1)
                : new AuditBreak(AuditBreakKind.Inserted, entry.Sequence, entry.Id);
        }
        var kind = next switch
        {
            not null when next.PreviousHash.AsSpan().SequenceEqual(entry.Hash) => AuditBreakKind.Changed,
            not null when entry.PreviousHash.AsSpan().SequenceEqual(next.Hash) => AuditBreakKind.Reordered,
            not null when next.PreviousHash.AsSpan().SequenceEqual(_expectedPrevious) => AuditBreakKind.Inserted,
            not null => AuditBreakKind.Changed,
            // The last entry: changed if it stands where the chain expects it (or an anchor saw its hash), else added.
            null when anchors.Any(a => a.Sequence == entry.Sequence && a.Hash.AsSpan().SequenceEqual(entry.Hash)) => AuditBreakKind.Changed,
            null when entry.Sequence == _expectedSequence && entry.PreviousHash.AsSpan().SequenceEqual(_expectedPrevious) => AuditBreakKind.Changed,
            null => AuditBreakKind.Inserted,
        };
        return new AuditBreak(kind, entry.Sequence, entry.Id);
    }
}
