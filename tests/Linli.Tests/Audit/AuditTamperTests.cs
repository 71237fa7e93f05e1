using System.Globalization;
using Linli.Platform.Audit;
using Linli.Platform.Cli;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Audit;

/// <summary>
/// An insider with the database's own (owner) credentials changes, deletes, inserts, reorders and truncates audit
/// entries behind the application's back; verification (the verb and the service behind the page) finds each, and finds
/// the log intact again once the rows are put back exactly.
/// </summary>
public sealed class AuditTamperTests(AuditTamperTests.Log log) : IClassFixture<AuditTamperTests.Log>
{
    /// <summary>One host with twelve entries, shared by the tests: each puts back exactly what it tampered with.</summary>
    public sealed class Log : LinliFactory, IAsyncLifetime
    {
        public long First { get; private set; }

        // No background checkpoints: the tests write them when they mean to.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Audit:CheckpointSeconds", "0")];

        public async Task InitializeAsync()
        {
            _ = Server;
            await WithScopeAsync(async sp =>
            {
                var audit = sp.GetRequiredService<IAuditLog>();
                for (var i = 1; i <= 12; i++)
                    await audit.RecordAsync(new AuditRecord(AuditActions.Reveal, AuditSubjects.Resident, (500 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), "210102001002")
                    {
                        Field = "idNumber", Reason = "核对 " + i, Actor = new AuditActor("u1", "cw.a", "王社区"),
                    });
                return 0;
            });
            First = await WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries.MinAsync(e => e.Sequence));
        }

        Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
    }

    private readonly LinliFactory _app = log;
    private readonly long _first = log.First;

    private Task<AuditVerification> VerifyAsync() =>
        _app.WithScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(null, CancellationToken.None));

    private long Seq(int nth) => _first + nth - 1;

    [Fact]
    public async Task A_changed_entry_is_found_and_named_and_the_verb_exits_with_2()
    {
        Assert.True((await VerifyAsync()).Intact);
        await using (var owner = await OwnerConnection.OpenAsync(_app))
        {
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET reason = '没有查看' WHERE sequence = {Seq(5)}");
            var result = await VerifyAsync();
            Assert.Equal(AuditBreakKind.Changed, result.Break?.Kind);
            Assert.Equal(Seq(5), result.Break!.Sequence);
            Assert.Equal(Seq(4), result.Verified + _first - 1);

            Assert.Equal(2, await CommandLine.RunAsync(new Verb("verify-audit", new Dictionary<string, string>()), _app.Services));
            var recorded = await _app.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries.AsNoTracking()
                .Where(e => e.Action == AuditActions.AuditVerified).OrderByDescending(e => e.Sequence).FirstAsync());
            Assert.Equal(("changed", Seq(5).ToString(System.Globalization.CultureInfo.InvariantCulture)), (recorded.Field, recorded.SubjectId));

            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET reason = '核对 5' WHERE sequence = {Seq(5)}");
        }
        Assert.True((await VerifyAsync()).Intact);
        Assert.Equal(0, await CommandLine.RunAsync(new Verb("verify-audit", new Dictionary<string, string>()), _app.Services));
    }

    [Fact]
    public async Task A_deleted_entry_is_found_with_the_numbers_missing()
    {
        await using (var owner = await OwnerConnection.OpenAsync(_app))
        {
            await owner.KeepAsync("kept", $"sequence = {Seq(6)}");
            Assert.Equal(1, await owner.ExecuteAsync($"DELETE FROM {OwnerConnection.Entries} WHERE sequence = {Seq(6)}"));
            var b = (await VerifyAsync()).Break!;
            Assert.Equal(AuditBreakKind.Deleted, b.Kind);
            Assert.Equal((Seq(6), Seq(6), Seq(7)), (b.FirstMissing!.Value, b.LastMissing!.Value, b.Sequence));
            await owner.RestoreAsync("kept");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task An_entry_inserted_among_the_others_is_found_as_inserted()
    {
        long forgedId;
        await using (var owner = await OwnerConnection.OpenAsync(_app))
        {
            // Make room after entry 3 (two steps, so the unique sequence never clashes) and put a forged entry there,
            // linked to entry 3's hash as a forger would, with a hash made up without the key.
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = -sequence WHERE sequence > {Seq(3)}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = 1 - sequence WHERE sequence < 0");
            forgedId = Convert.ToInt64(await owner.ScalarAsync($"SELECT MAX(id) FROM {OwnerConnection.Entries}"), CultureInfo.InvariantCulture) + 1000;
            await owner.KeepAsync("forged", $"sequence = {Seq(3)}");
            await owner.ExecuteAsync($"UPDATE forged SET id = {forgedId}, sequence = {Seq(4)}, reason = '补录', previous_hash = hash, hash = previous_hash");
            await owner.RestoreAsync("forged");

            var b = (await VerifyAsync()).Break!;
            Assert.Equal(AuditBreakKind.Inserted, b.Kind);
            Assert.Equal((Seq(4), forgedId), (b.Sequence, b.EntryId!.Value));

            await owner.ExecuteAsync($"DELETE FROM {OwnerConnection.Entries} WHERE id = {forgedId}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = -sequence WHERE sequence > {Seq(4)}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = -sequence - 1 WHERE sequence < 0");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Two_entries_swapped_are_found_as_reordered()
    {
        await using (var owner = await OwnerConnection.OpenAsync(_app))
        {
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = -1 WHERE sequence = {Seq(8)}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = {Seq(8)} WHERE sequence = {Seq(9)}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = {Seq(9)} WHERE sequence = -1");
            var b = (await VerifyAsync()).Break!;
            Assert.Equal((AuditBreakKind.Reordered, Seq(8)), (b.Kind, b.Sequence));

            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = -1 WHERE sequence = {Seq(8)}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = {Seq(8)} WHERE sequence = {Seq(9)}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Entries} SET sequence = {Seq(9)} WHERE sequence = -1");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_truncated_tail_is_found_by_the_checkpoint_and_by_the_anchor_file_when_the_checkpoints_go_too()
    {
        var anchor = await _app.WithScopeAsync(sp => sp.GetRequiredService<AuditCheckpoints>().WriteAsync(CancellationToken.None));
        Assert.NotNull(anchor);
        var last = anchor.Sequence;
        await using (var owner = await OwnerConnection.OpenAsync(_app))
        {
            await owner.KeepAsync("tail", $"sequence > {last - 2}");
            await owner.ExecuteAsync($"DELETE FROM {OwnerConnection.Entries} WHERE sequence > {last - 2}");
            var b = (await VerifyAsync()).Break!;
            Assert.Equal((AuditBreakKind.TruncatedTail, last - 1, last), (b.Kind, b.FirstMissing!.Value, b.LastMissing!.Value));

            // The insider removes the checkpoints too; the anchor file outside the database still knows the end.
            await owner.ExecuteAsync($"CREATE TEMP TABLE kept_checkpoints AS SELECT * FROM {OwnerConnection.Checkpoints}");
            await owner.ExecuteAsync($"DELETE FROM {OwnerConnection.Checkpoints}");
            b = (await VerifyAsync()).Break!;
            Assert.Equal((AuditBreakKind.TruncatedTail, last), (b.Kind, b.LastMissing!.Value));

            await owner.RestoreAsync("tail");
            await owner.ExecuteAsync($"INSERT INTO {OwnerConnection.Checkpoints} SELECT * FROM kept_checkpoints");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_forged_checkpoint_is_reported()
    {
        await _app.WithScopeAsync(sp => sp.GetRequiredService<AuditCheckpoints>().WriteAsync(CancellationToken.None));
        await using (var owner = await OwnerConnection.OpenAsync(_app))
        {
            await owner.ExecuteAsync($"CREATE TEMP TABLE cp AS SELECT * FROM {OwnerConnection.Checkpoints}");
            await owner.ExecuteAsync($"UPDATE {OwnerConnection.Checkpoints} SET sequence = sequence - 1");
            Assert.Equal(AuditBreakKind.CheckpointForged, (await VerifyAsync()).Break?.Kind);
            await owner.ExecuteAsync($"DELETE FROM {OwnerConnection.Checkpoints}");
            await owner.ExecuteAsync($"INSERT INTO {OwnerConnection.Checkpoints} SELECT * FROM cp");
        }
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_application_itself_cannot_write_an_unchained_entry()
    {
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<AuditDbContext>();
            db.Entries.Add(new AuditEntry { Sequence = 999_999, At = DateTime.UtcNow, Action = AuditActions.Reveal });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            return 0;
        });
        Assert.True((await VerifyAsync()).Intact);
    }
}
