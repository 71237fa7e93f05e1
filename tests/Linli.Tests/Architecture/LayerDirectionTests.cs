using Linli.Tests.Infrastructure;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Linli.Tests.Architecture;

/// <summary>
/// Inside a module the dependencies point one way (docs/architecture.md, "The shape"): <c>Domain/</c> holds entities,
/// value types and rules that need no database, so <c>Data/</c>, <c>Features/</c>, <c>Pages/</c> and the rest use it and it
/// uses none of them; and each module puts what implements a <c>Contracts/</c> interface in one place.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed partial class LayerDirectionTests
{
    private static readonly Assembly Product = typeof(Program).Assembly;

    [GeneratedRegex(@"^Linli\.Modules\.(?<module>\w+)\.(?<part>\w+)")]
    private static partial Regex ModulePart();

    /// <summary>What a module's Domain may use of its own module: itself and its Contracts (and the module's root, its options and permissions).</summary>
    private static readonly HashSet<string> BelowOrBesideDomain = ["Domain", "Contracts"];

    [Fact]
    public void A_modules_domain_uses_neither_its_data_nor_its_features_nor_its_pages()
    {
        var architecture = new ArchUnitNET.Loader.ArchLoader().LoadAssemblies(Product).Build();
        var domain = architecture.Types
            .Select(t => (Type: t, Match: ModulePart().Match(t.Namespace.FullName)))
            .Where(t => t.Match.Success && t.Match.Groups["part"].Value == "Domain")
            .ToList();
        var violations = (
            from t in domain
            from target in t.Type.Dependencies.Select(d => d.Target).Distinct()
            let m = ModulePart().Match(target.Namespace.FullName)
            where m.Success && m.Groups["module"].Value == t.Match.Groups["module"].Value && !BelowOrBesideDomain.Contains(m.Groups["part"].Value)
            select $"{t.Type.FullName} -> {target.FullName}").Distinct().ToList();

        // Guards the regex: if namespaces stopped matching, the rule would pass with nothing checked.
        Assert.Superset(new HashSet<string> { "Regions", "Residents", "Requests", "Accounts" }, domain.Select(t => t.Match.Groups["module"].Value).ToHashSet());
        Assert.True(violations.Count == 0, "Domain depends on a layer above it:\n" + string.Join("\n", violations.Take(50)));
    }

    /// <summary>What a module's Data may use of its own module: below it (Domain, Contracts) and beside it.</summary>
    private static readonly HashSet<string> AboveData = ["Features", "Pages", "Jobs", "Seeding"];

    [Fact]
    public void A_modules_data_uses_none_of_its_features_pages_jobs_or_seeding()
    {
        var architecture = new ArchUnitNET.Loader.ArchLoader().LoadAssemblies(Product).Build();
        var data = architecture.Types
            .Select(t => (Type: t, Match: ModulePart().Match(t.Namespace.FullName)))
            .Where(t => t.Match.Success && t.Match.Groups["part"].Value == "Data")
            .ToList();
        var violations = (
            from t in data
            from target in t.Type.Dependencies.Select(d => d.Target).Distinct()
            let m = ModulePart().Match(target.Namespace.FullName)
            where m.Success && m.Groups["module"].Value == t.Match.Groups["module"].Value && AboveData.Contains(m.Groups["part"].Value)
            select $"{t.Type.FullName} -> {target.FullName}").Distinct().ToList();

        Assert.Superset(new HashSet<string> { "Regions", "Residents", "Requests" }, data.Select(t => t.Match.Groups["module"].Value).ToHashSet());
        Assert.True(violations.Count == 0, "Data depends on a layer above it:\n" + string.Join("\n", violations.Take(50)));
    }

    [Fact]
    public void Contract_implementations_live_in_their_modules_ContractImplementations_folder()
    {
        static bool IsContract(Type i) => i.Namespace?.Split('.') is ["Linli", "Modules", _, "Contracts", ..];
        var implementations = Product.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(IsContract) && ModulePart().IsMatch(t.Namespace ?? ""))
            .ToList();
        var misplaced = implementations
            .Where(t => ModulePart().Match(t.Namespace!).Groups["part"].Value != "ContractImplementations")
            .Select(t => t.FullName)
            .ToList();

        Assert.Contains(implementations, t => t.Name == "RegionDirectory");
        Assert.True(misplaced.Count == 0, "Implements a Contracts interface outside ContractImplementations/:\n" + string.Join("\n", misplaced));
    }
}
