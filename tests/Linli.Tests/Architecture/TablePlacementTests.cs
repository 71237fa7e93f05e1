using Linli.Platform.Persistence;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Architecture;

/// <summary>
/// Every table of every module's EF model has a place in a sharded deployment, written down once in the table list of
/// docs/scale-out.md: distributed by the district its region-code column carries, a reference table, a table that stays
/// on the coordinator, or an explicit gap ("needs: district_code"). A new table without a row fails here, so the
/// document cannot fall behind the models. The models come from the application's own contexts (the registrations it
/// migrates at start), on the provider the suite runs on.
/// </summary>
[Collection("city2")]
public sealed class TablePlacementTests(CityFixture city)
{
    [Fact]
    public void Every_table_has_a_distribution_column_or_is_a_reference_table()
    {
        var tables = ModelTables();
        var problems = TablePlacement.Problems(tables, TablePlacement.FromScaleOutDocument());
        Assert.True(problems.Count == 0, "docs/scale-out.md's table list and the EF models disagree:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_DbContext_in_the_product_is_a_module_context_whose_tables_are_checked()
    {
        // A module context is abstract; the product's concrete contexts are its subclasses per provider.
        var registered = city.App.Service(sp => sp.GetServices<ModuleContextRegistration>()
            .SelectMany(r => new[] { r.SqliteContextType, r.PostgresContextType }).ToHashSet());
        var contexts = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        // Guards the check above: without the contexts it would pass on nothing.
        Assert.True(contexts.Count >= 20, $"Expected the product's module contexts, found {contexts.Count}.");
        var unregistered = contexts.Where(t => !registered.Contains(t)).Select(t => t.FullName).ToList();
        Assert.True(unregistered.Count == 0, "DbContexts not registered with AddModuleDbContext, so neither migrated nor checked:\n" + string.Join("\n", unregistered));
    }

    /// <summary>
    /// Every table of every registered module context, named as on PostgreSQL (schema.table); on SQLite the schema is the
    /// module and the table carries the module's prefix, which is taken off.
    /// </summary>
    private List<ModelTable> ModelTables() => city.App.Service(sp => sp.GetServices<ModuleContextRegistration>()
        .SelectMany(registration =>
        {
            var db = (DbContext)sp.GetRequiredService(registration.ContextType);
            return db.Model.GetRelationalModel().Tables.Select(t => new ModelTable(
                $"{t.Schema ?? registration.Module}.{(t.Schema is null && t.Name.StartsWith(registration.Module + "_", StringComparison.Ordinal) ? t.Name[(registration.Module.Length + 1)..] : t.Name)}",
                t.Columns.Select(c => c.Name).ToList()));
        })
        .ToList());
}

/// <summary>The placement rule itself, on made-up tables: what it reports and what it lets pass.</summary>
public sealed class TablePlacementRuleTests
{
    [Fact]
    public void A_table_without_a_row_is_reported_with_its_columns()
    {
        var tables = new[] { new ModelTable("facilities.facility_photos", ["id", "facility_id", "content"]) };
        var problem = Assert.Single(TablePlacement.Problems(tables, new Dictionary<string, Placement>()));
        Assert.Contains("facilities.facility_photos", problem, StringComparison.Ordinal);
        Assert.Contains("facility_id", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distribution_column_the_table_does_not_have_is_reported()
    {
        var tables = new[] { new ModelTable("requests.tickets", ["id", "community_code"]) };
        var list = new Dictionary<string, Placement> { ["requests.tickets"] = new(PlacementKind.Distributed, "district_code") };
        var problem = Assert.Single(TablePlacement.Problems(tables, list));
        Assert.Contains("district_code", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distribution_column_that_is_no_region_code_must_say_so()
    {
        var tables = new[] { new ModelTable("requests.inbox", ["id", "recipient"]) };
        Assert.Single(TablePlacement.Problems(tables, new Dictionary<string, Placement> { ["requests.inbox"] = new(PlacementKind.Distributed, "recipient") }));
        Assert.Empty(TablePlacement.Problems(tables, new Dictionary<string, Placement> { ["requests.inbox"] = new(PlacementKind.DistributedByKey, "recipient") }));
    }

    [Fact]
    public void A_gap_that_is_closed_must_become_a_distribution_column()
    {
        // "needs: district_code" on a table that now has it: the row must say it is distributed by it.
        var tables = new[] { new ModelTable("requests.ticket_units", ["id", "ticket_id", "district_code"]) };
        var list = new Dictionary<string, Placement> { ["requests.ticket_units"] = new(PlacementKind.Needs, "district_code") };
        Assert.Single(TablePlacement.Problems(tables, list));
    }

    [Fact]
    public void A_row_for_a_table_no_model_has_is_reported()
    {
        var list = new Dictionary<string, Placement> { ["requests.gone"] = new(PlacementKind.Reference, null) };
        var problem = Assert.Single(TablePlacement.Problems([], list));
        Assert.Contains("requests.gone", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_is_read_from_the_document_with_every_kind_of_row()
    {
        var list = TablePlacement.FromScaleOutDocument();
        Assert.Equal(new Placement(PlacementKind.Distributed, "community_code"), list["requests.tickets"]);
        Assert.Equal(new Placement(PlacementKind.Reference, null), list["regions.regions"]);
        Assert.Equal(new Placement(PlacementKind.Coordinator, null), list["audit.entries"]);
        Assert.Equal(new Placement(PlacementKind.Needs, "district_code"), list["requests.ticket_units"]);
        Assert.Equal(new Placement(PlacementKind.DistributedByKey, "caller"), list["requests.idempotency_keys"]);
    }
}

/// <summary>One table of a module's model and its column names.</summary>
internal sealed record ModelTable(string Name, IReadOnlyList<string> Columns);

internal enum PlacementKind
{
    /// <summary>Distributed by the district code (the first 6 digits) of the region code in <see cref="Placement.Column"/>.</summary>
    Distributed,
    /// <summary>Distributed by <see cref="Placement.Column"/> itself: a table keyed by who it belongs to, not where (written "by: `column`").</summary>
    DistributedByKey,
    /// <summary>Small, read by everything, copied to every node.</summary>
    Reference,
    /// <summary>Stays a plain table on the coordinator (a Citus local table).</summary>
    Coordinator,
    /// <summary>A gap: the table has no region code yet and needs <see cref="Placement.Column"/> before it can be distributed.</summary>
    Needs,
}

internal sealed record Placement(PlacementKind Kind, string? Column);

/// <summary>The table list of docs/scale-out.md and the rule that every model table has exactly one fitting row.</summary>
internal static class TablePlacement
{
    public const string Start = "<!-- table-placement:start -->", End = "<!-- table-placement:end -->";

    public static string DocumentPath => Path.Combine(Deployment.PublishedBuild.RepositoryRoot, "docs", "scale-out.md");

    /// <summary>
    /// The rows between the markers: <c>| `schema.table` | placement | why |</c>, the placement one of <c>`column`</c>
    /// (distributed by the district in that region-code column), <c>by: `column`</c> (distributed by that column itself),
    /// <c>reference</c>, <c>coordinator</c> or <c>needs: `column`</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, Placement> FromScaleOutDocument() => Parse(File.ReadAllLines(DocumentPath));

    public static IReadOnlyDictionary<string, Placement> Parse(IEnumerable<string> lines)
    {
        var rows = new Dictionary<string, Placement>(StringComparer.Ordinal);
        var inside = false;
        foreach (var line in lines)
        {
            if (line.Trim() == Start) { inside = true; continue; }
            if (line.Trim() == End) break;
            if (!inside || !line.TrimStart().StartsWith('|')) continue;
            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length < 2 || !cells[0].StartsWith('`')) continue; // the header and its rule
            var table = cells[0].Trim('`');
            var placement = cells[1] switch
            {
                "reference" => new Placement(PlacementKind.Reference, null),
                "coordinator" => new Placement(PlacementKind.Coordinator, null),
                var p when p.StartsWith("needs:", StringComparison.Ordinal) => new Placement(PlacementKind.Needs, p["needs:".Length..].Trim().Trim('`')),
                var p when p.StartsWith("by:", StringComparison.Ordinal) => new Placement(PlacementKind.DistributedByKey, p["by:".Length..].Trim().Trim('`')),
                var p when p.StartsWith('`') && p.EndsWith('`') => new Placement(PlacementKind.Distributed, p.Trim('`')),
                var p => throw new FormatException($"docs/scale-out.md: '{p}' for {table} is none of `column`, by: `column`, reference, coordinator, needs: `column`."),
            };
            if (!rows.TryAdd(table, placement)) throw new FormatException($"docs/scale-out.md lists {table} twice.");
        }
        if (rows.Count == 0) throw new FormatException($"docs/scale-out.md has no table list between {Start} and {End}.");
        return rows;
    }

    public static IReadOnlyList<string> Problems(IEnumerable<ModelTable> tables, IReadOnlyDictionary<string, Placement> list)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            seen.Add(table.Name);
            if (!list.TryGetValue(table.Name, out var placement))
            {
                problems.Add($"{table.Name}: no row. Add one: distributed by a region-code column (it has {string.Join(", ", table.Columns)}), " +
                             "by: `column` for a table keyed by who it belongs to, reference, coordinator, or needs: `district_code`.");
                continue;
            }
            var has = placement.Column is { } column && table.Columns.Contains(column, StringComparer.Ordinal);
            if ((placement.Kind is PlacementKind.Distributed or PlacementKind.DistributedByKey) && !has)
                problems.Add($"{table.Name}: distributed by `{placement.Column}`, which it does not have (it has {string.Join(", ", table.Columns)}).");
            else if (placement.Kind == PlacementKind.Distributed && !placement.Column!.EndsWith("_code", StringComparison.Ordinal))
                problems.Add($"{table.Name}: distributed by `{placement.Column}`, which is not a region-code column (*_code); a table keyed by who it belongs to says so with by: `column`.");
            else if (placement.Kind == PlacementKind.Needs && has)
                problems.Add($"{table.Name}: listed as needing `{placement.Column}`, which it now has: distribute it by that column.");
        }
        problems.AddRange(list.Keys.Where(name => !seen.Contains(name)).Select(name => $"{name}: listed, but no module's model has this table."));
        return problems;
    }
}
