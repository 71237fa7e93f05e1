using System.Data.Common;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.Open311;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Open311;

/// <summary>
/// The public Open311 reads hold at a city's size only if the database answers them from an index: the default list (the
/// newest 1,000), a long id list and the updates. The queries the endpoints run are explained here on the test database;
/// on PostgreSQL with sequential scans and sorts priced out, so that a missing index shows even while the tables are small.
/// </summary>
[Collection("city")]
public sealed class Open311QueryPlanTests(CityFixture city)
{
    /// <summary>Explains each query the context runs, with the same SQL and parameters, before it runs.</summary>
    private sealed class PlanCapture : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var postgres = TestDatabase.IsPostgres;
            // Scans and sorts are priced out, so the plan shows what the indexes can do whatever the tables' size and statistics:
            // a sort that remains is one no index can spare.
            if (postgres) await RunAsync(command, "SET enable_seqscan = off; SET enable_sort = off", cancellationToken);
            await using (var explain = Copy(command, (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText))
            await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
            {
                var lines = new List<string>();
                while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
                Plans.Add(string.Join("\n", lines));
            }
            if (postgres) await RunAsync(command, "RESET enable_seqscan; RESET enable_sort", cancellationToken);
            return result;
        }

        private static DbCommand Copy(DbCommand command, string text)
        {
            var copy = command.Connection!.CreateCommand();
            copy.Transaction = command.Transaction;
            copy.CommandText = text;
            foreach (DbParameter p in command.Parameters)
                copy.Parameters.Add(p is ICloneable cloneable ? cloneable.Clone() : Parameter(copy, p));
            return copy;
        }

        private static DbParameter Parameter(DbCommand command, DbParameter from)
        {
            var p = command.CreateParameter();
            (p.ParameterName, p.Value, p.DbType) = (from.ParameterName, from.Value, from.DbType);
            return p;
        }

        private static async Task RunAsync(DbCommand command, string sql, CancellationToken ct)
        {
            await using var set = command.Connection!.CreateCommand();
            set.CommandText = sql;
            await set.ExecuteNonQueryAsync(ct);
        }
    }

    private async Task<string> PlanAsync<T>(Func<RequestsDbContext, IQueryable<T>> query)
    {
        await using var scope = city.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var capture = new PlanCapture();
        // A context of the provider's own type (RequestsDbContext is registered as it), with the plan capture added.
        var providerContext = sp.GetRequiredService<RequestsDbContext>().GetType();
        var registered = (DbContextOptions)sp.GetRequiredService(typeof(DbContextOptions<>).MakeGenericType(providerContext));
        var options = new DbContextOptionsBuilder(registered).AddInterceptors(capture).Options;
        await using var db = (RequestsDbContext)ActivatorUtilities.CreateInstance(sp, providerContext, options);
        await query(db).ToListAsync();
        return Assert.Single(capture.Plans);
    }

    private static readonly Open311DateRange Window = new(DateTime.UtcNow.AddDays(-90), DateTime.UtcNow);

    private static void NoFullScanOfTickets(string plan)
    {
        Assert.DoesNotContain("Seq Scan on tickets", plan);
        Assert.DoesNotMatch(@"SCAN (t|requests_tickets)\b(?! USING)", plan);
    }

    [Fact]
    public async Task The_default_list_reads_the_newest_through_the_channel_and_intake_time_index()
    {
        var plan = await PlanAsync(db => Open311PublicTickets.Filed(db, Window, null, null, 1, 1000));
        Assert.Contains("ix_tickets_channel_created_at", plan);
        NoFullScanOfTickets(plan);
        // Read in the index's order: no sort of every Open311 ticket before the first 1,000 are taken.
        Assert.DoesNotContain("TEMP B-TREE FOR ORDER BY", plan);
        Assert.False(plan.Contains("Sort  (", StringComparison.Ordinal), plan);
    }

    [Fact]
    public async Task A_long_id_list_is_one_lookup_per_id_in_the_number_index()
    {
        var numbers = Enumerable.Range(0, 900).Select(i => $"2026110{i:D7}").ToList();
        var plan = await PlanAsync(db => Open311PublicTickets.Numbered(db, numbers));
        Assert.Contains("tickets_number", plan);
        NoFullScanOfTickets(plan);
    }

    [Fact]
    public async Task The_updates_find_recently_updated_tickets_by_index_and_their_steps_by_ticket()
    {
        var plan = await PlanAsync(db => Open311PublicTickets.Updates(db, Window, 1, 1000));
        Assert.Contains("ix_tickets_channel_updated_at", plan);
        Assert.Contains("ticket_actions_ticket_id_at", plan);
        NoFullScanOfTickets(plan);
        Assert.DoesNotContain("Seq Scan on ticket_actions", plan);
    }
}
