using System.Security.Cryptography;
using Linli.Platform.Audit;

namespace Linli.Tests.Audit;

/// <summary>The chain rule on its own, without a database: what each kind of tampering looks like to verification.</summary>
public sealed class AuditChainCheckTests
{
    private static readonly AuditChainKeys Keys = new(RandomNumberGenerator.GetBytes(32));

    private static List<AuditEntry> Chain(int count, AuditChainKeys? keys = null, long firstSequence = 1, byte[]? previous = null)
    {
        keys ??= Keys;
        var entries = new List<AuditEntry>();
        var prev = previous ?? AuditChain.Genesis;
        for (var i = 0; i < count; i++)
        {
            var sequence = firstSequence + i;
            var e = new AuditEntry
            {
                Id = sequence, Sequence = sequence, At = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(sequence),
                UserId = "u" + (sequence % 3), UserName = "cw.a", UserDisplayName = "王社区", Action = AuditActions.Reveal, SubjectType = AuditSubjects.Resident,
                SubjectId = (1000 + sequence).ToString(System.Globalization.CultureInfo.InvariantCulture), SubjectLabel = "", RegionCode = "210102001002",
                Field = "idNumber", Reason = "核对身份 " + sequence, Count = sequence % 2 == 0 ? sequence : null, KeyId = keys.CurrentId, PreviousHash = prev,
            };
            e.Hash = AuditChain.ComputeHash(keys.CurrentKey, e);
            prev = e.Hash;
            entries.Add(e);
        }
        return entries;
    }

    private static AuditVerification Verify(IEnumerable<AuditEntry> entries, params AuditAnchor[] anchors) => Verify(Keys, entries, anchors);

    private static AuditVerification Verify(AuditChainKeys keys, IEnumerable<AuditEntry> entries, params AuditAnchor[] anchors)
    {
        var check = new AuditChainCheck(keys, anchors);
        foreach (var e in entries.OrderBy(e => e.Sequence).ThenBy(e => e.Id))
            if (!check.Add(e)) break;
        return check.Finish();
    }

    private static AuditAnchor AnchorAt(AuditEntry e) => new("file", e.Sequence, e.Hash, e.At);

    [Fact]
    public void An_untouched_chain_verifies_to_its_last_entry()
    {
        var result = Verify(Chain(20));
        Assert.True(result.Intact);
        Assert.Equal(20, result.Verified);
        Assert.Equal(20, result.LastSequence);
    }

    public static TheoryData<string> Fields() =>
    [
        nameof(AuditEntry.At), nameof(AuditEntry.UserId), nameof(AuditEntry.UserName), nameof(AuditEntry.UserDisplayName), nameof(AuditEntry.Action),
        nameof(AuditEntry.SubjectType), nameof(AuditEntry.SubjectId), nameof(AuditEntry.SubjectLabel), nameof(AuditEntry.RegionCode),
        nameof(AuditEntry.Field), nameof(AuditEntry.Reason), nameof(AuditEntry.Count), nameof(AuditEntry.Sequence), nameof(AuditEntry.PreviousHash),
        nameof(AuditEntry.Hash),
    ];

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_of_an_entry_is_found_at_that_entry(string field)
    {
        var entries = Chain(12);
        var e = entries[6];
        switch (field)
        {
            case nameof(AuditEntry.At): e.At = e.At.AddSeconds(1); break;
            case nameof(AuditEntry.Count): e.Count = (e.Count ?? 0) + 1; break;
            case nameof(AuditEntry.Sequence): e.Sequence = 99; break;
            case nameof(AuditEntry.PreviousHash): e.PreviousHash = RandomNumberGenerator.GetBytes(32); break;
            case nameof(AuditEntry.Hash): e.Hash = RandomNumberGenerator.GetBytes(32); break;
            default:
                var property = typeof(AuditEntry).GetProperty(field)!;
                property.SetValue(e, property.GetValue(e) + "x");
                break;
        }
        var result = Verify(entries);
        Assert.NotNull(result.Break);
        // A sequence number moved past the end reads as an entry missing from its place.
        if (field == nameof(AuditEntry.Sequence))
        {
            Assert.Equal(7, result.Break.FirstMissing ?? result.Break.Sequence);
            return;
        }
        Assert.Equal(AuditBreakKind.Changed, result.Break.Kind);
        Assert.Equal(7, result.Break.Sequence);
        Assert.Equal(6, result.Verified);
    }

    [Fact]
    public void A_value_moved_from_one_field_to_the_next_does_not_hash_alike()
    {
        var a = Chain(1)[0];
        var b = Chain(1)[0];
        (a.UserName, a.UserDisplayName) = ("ab", "c");
        (b.UserName, b.UserDisplayName) = ("a", "bc");
        Assert.NotEqual(AuditChain.ComputeHash(Keys.CurrentKey, a), AuditChain.ComputeHash(Keys.CurrentKey, b));
    }

    [Fact]
    public void A_deleted_entry_is_reported_with_the_numbers_that_are_missing()
    {
        var entries = Chain(12);
        entries.RemoveRange(6, 3); // 7, 8, 9
        var b = Verify(entries).Break!;
        Assert.Equal(AuditBreakKind.Deleted, b.Kind);
        Assert.Equal((7L, 9L, 10L), (b.FirstMissing!.Value, b.LastMissing!.Value, b.Sequence));
    }

    [Fact]
    public void Deleting_the_first_entry_is_found()
    {
        var entries = Chain(5);
        entries.RemoveAt(0);
        var b = Verify(entries).Break!;
        Assert.Equal(AuditBreakKind.Deleted, b.Kind);
        Assert.Equal(1, b.FirstMissing);
    }

    [Fact]
    public void An_entry_inserted_between_two_is_found_as_inserted()
    {
        var entries = Chain(12);
        foreach (var later in entries.Where(e => e.Sequence > 6)) later.Sequence++;
        var forged = new AuditEntry
        {
            Id = 100, Sequence = 7, At = entries[5].At.AddSeconds(1), UserName = "cw.a", Action = AuditActions.Reveal, SubjectType = AuditSubjects.Resident,
            SubjectId = "1", RegionCode = "210102001002", Field = "idNumber", Reason = "补录", KeyId = Keys.CurrentId,
            PreviousHash = entries[5].Hash, Hash = RandomNumberGenerator.GetBytes(32),
        };
        entries.Add(forged);
        var b = Verify(entries).Break!;
        Assert.Equal(AuditBreakKind.Inserted, b.Kind);
        Assert.Equal(100, b.EntryId);
    }

    [Fact]
    public void Two_entries_that_swapped_places_are_found_as_reordered()
    {
        var entries = Chain(12);
        (entries[6].Sequence, entries[7].Sequence) = (entries[7].Sequence, entries[6].Sequence);
        var b = Verify(entries).Break!;
        Assert.Equal(AuditBreakKind.Reordered, b.Kind);
        Assert.Equal(7, b.Sequence);
        Assert.Equal(8, b.EntryId); // the entry that now stands first was written second
    }

    [Fact]
    public void Entries_removed_from_the_end_are_found_by_the_anchor()
    {
        var entries = Chain(20);
        var anchor = AnchorAt(entries[^1]);
        entries.RemoveRange(18, 2);
        var b = Verify(entries, anchor).Break!;
        Assert.Equal(AuditBreakKind.TruncatedTail, b.Kind);
        Assert.Equal((19L, 20L), (b.FirstMissing!.Value, b.LastMissing!.Value));

        var emptied = Verify([], anchor).Break!;
        Assert.Equal((AuditBreakKind.TruncatedTail, 1L, 20L), (emptied.Kind, emptied.FirstMissing!.Value, emptied.LastMissing!.Value));
        // Without an anchor a shorter log looks complete: that is why the head is written down elsewhere.
        Assert.True(Verify(entries).Intact);
    }

    [Fact]
    public void A_chain_rebuilt_from_an_anchored_entry_on_differs_from_the_anchor()
    {
        var entries = Chain(10);
        var anchor = AnchorAt(entries[7]);
        var rebuilt = entries.Take(7).Concat(Chain(3, firstSequence: 8, previous: entries[6].Hash).Select(e => { e.Reason = "改写"; e.Hash = AuditChain.ComputeHash(Keys.CurrentKey, e); return e; }));
        var b = Verify(rebuilt, anchor).Break!;
        Assert.Equal(AuditBreakKind.Changed, b.Kind);
        Assert.Equal(8, b.Sequence);
    }

    [Fact]
    public void The_last_entry_changed_is_found_without_a_successor()
    {
        var entries = Chain(5);
        entries[^1].Reason = "改了";
        var b = Verify(entries).Break!;
        Assert.Equal((AuditBreakKind.Changed, 5L), (b.Kind, b.Sequence));
    }

    [Fact]
    public void Entries_from_before_the_chain_are_counted_and_the_chain_starts_after_them()
    {
        var legacy = Enumerable.Range(1, 3).Select(i => new AuditEntry { Id = i, Sequence = i, Action = AuditActions.Reveal }).ToList();
        var result = Verify(legacy.Concat(Chain(5, firstSequence: 4)));
        Assert.True(result.Intact);
        Assert.Equal((5L, 3L, 8L), (result.Verified, result.BeforeChain, result.LastSequence));

        // An entry of the chain made to look like one from before it is not accepted.
        var entries = legacy.Concat(Chain(5, firstSequence: 4)).ToList();
        entries[5].Hash = [];
        Assert.Equal((AuditBreakKind.Changed, 6L), (Verify(entries).Break!.Kind, Verify(entries).Break!.Sequence));
    }

    [Fact]
    public void Entries_signed_with_an_earlier_key_verify_while_that_key_is_configured()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var old = new AuditChainKeys(oldKey);
        var entries = Chain(4, old);
        var rotated = new AuditChainKeys(RandomNumberGenerator.GetBytes(32), [oldKey]);
        entries.AddRange(Chain(3, rotated, firstSequence: 5, previous: entries[^1].Hash));
        Assert.True(Verify(rotated, entries).Intact);
        var withoutOldKey = new AuditChainKeys(rotated.CurrentKey);
        Assert.Equal((AuditBreakKind.UnknownKey, 1L), (Verify(withoutOldKey, entries).Break!.Kind, Verify(withoutOldKey, entries).Break!.Sequence));
    }

    [Fact]
    public void Values_are_stored_as_the_database_hands_them_back()
    {
        Assert.Equal("ab", AuditChain.Normalize("a\0b", 10));
        Assert.Equal("abc", AuditChain.Normalize("abcdef", 3));
        Assert.Equal("a", AuditChain.Normalize("a\U0001F600", 2)); // no half of a surrogate pair at the cut
        Assert.Equal("a\uFFFDb", AuditChain.Normalize("a\uD800b", 10));
        Assert.Equal("", AuditChain.Normalize(null, 10));
        var at = new DateTime(638_000_000_000_000_123, DateTimeKind.Utc);
        Assert.Equal(638_000_000_000_000_120, AuditChain.ToStoredPrecision(at).Ticks);
    }
}
