using System.Diagnostics;
using Linli.Platform.Audit;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Audit;

/// <summary>Many requests in two app instances write to the audit log at once; the chain stays one line, without gaps.</summary>
public sealed class AuditConcurrencyTests
{
    [Fact]
    public async Task Entries_written_at_once_by_two_instances_form_one_unbroken_chain()
    {
        var first = new LinliFactory();
        _ = first.Server;
        var second = new LinliFactory(first); // the same database, running beside the first
        try
        {
            _ = second.Server;
            const int writers = 8, each = 25;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAll(new[] { first, second }.SelectMany(app => Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < each; i++)
                    await app.WithScopeAsync(async sp =>
                    {
                        await sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord(AuditActions.Reveal, AuditSubjects.Resident, $"{w}-{i}", "210102001002")
                        {
                            Field = "phone", Reason = "并发", Actor = new AuditActor("", app == first ? "first" : "second", ""),
                        });
                        return 0;
                    });
            }))));
            stopwatch.Stop();

            var (count, min, max) = await first.WithScopeAsync(async sp =>
            {
                var entries = sp.GetRequiredService<AuditDbContext>().Entries.Where(e => e.Reason == "并发");
                return (await entries.CountAsync(), await entries.MinAsync(e => e.Sequence), await entries.MaxAsync(e => e.Sequence));
            });
            Assert.Equal(2 * writers * each, count);
            Assert.Equal(count - 1, max - min); // no gaps, no duplicates (the sequence is unique)
            var result = await second.WithScopeAsync(sp => sp.GetRequiredService<AuditVerifier>().VerifyAsync(null, CancellationToken.None));
            Assert.True(result.Intact, result.Break?.ToString());
            Assert.True(result.Verified >= count);
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }
}
