using Linli.Tests.Infrastructure;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Linli.Tests.Architecture;

/// <summary>
/// The modular monolith's rules, checked on the compiled assembly: a module reaches another only through its
/// Contracts, the platform knows no module, and only Contracts are public.
/// </summary>
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed partial class ModuleBoundaryTests
{
    private static readonly Assembly Product = typeof(Program).Assembly;

    [GeneratedRegex(@"^Linli\.Modules\.(?<module>\w+)(\.(?<part>\w+))?")]
    private static partial Regex ModuleNamespace();

    private static string? ModuleOf(Type type) => type.Namespace is { } ns && ModuleNamespace().Match(ns) is { Success: true } m ? m.Groups["module"].Value : null;

    private static bool IsContracts(Type type) => type.Namespace?.Split('.') is [_, "Modules", _, "Contracts", ..];

    private static bool IsGenerated(Type type) => type.Namespace?.Contains(".Migrations.") == true
                                                  || type.Namespace?.StartsWith("AspNetCoreGeneratedDocument", StringComparison.Ordinal) == true
                                                  || type.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true
                                                  || type.Name.Contains('<');

    [Fact]
    public void A_module_uses_another_module_only_through_its_contracts()
    {
        var violations = new List<string>();
        var architecture = new ArchUnitNET.Loader.ArchLoader().LoadAssemblies(Product).Build();
        foreach (var type in architecture.Types.Where(t => t.Namespace.FullName.StartsWith("Linli.Modules.", StringComparison.Ordinal)))
        {
            var from = ModuleNamespace().Match(type.Namespace.FullName).Groups["module"].Value;
            foreach (var dependency in type.Dependencies.Select(d => d.Target).Distinct())
            {
                // Some targets (generic parameters, function pointers) have no namespace: they cross no module boundary.
                var target = dependency.Namespace?.FullName ?? "";
                if (!target.StartsWith("Linli.Modules.", StringComparison.Ordinal)) continue;
                var m = ModuleNamespace().Match(target);
                if (m.Groups["module"].Value == from || m.Groups["part"].Value == "Contracts") continue;
                violations.Add($"{type.FullName} -> {dependency.FullName}");
            }
        }
        Assert.True(violations.Count == 0, "Module boundary crossed:\n" + string.Join("\n", violations.Distinct().Take(50)));
    }

    [Fact]
    public void The_platform_depends_on_no_module()
    {
        var architecture = new ArchUnitNET.Loader.ArchLoader().LoadAssemblies(Product).Build();
        var violations = architecture.Types
            .Where(t => t.Namespace.FullName.StartsWith("Linli.Platform", StringComparison.Ordinal))
            .SelectMany(t => t.Dependencies.Select(d => d.Target)
                .Where(d => d.Namespace?.FullName.StartsWith("Linli.Modules.", StringComparison.Ordinal) == true)
                .Select(d => $"{t.FullName} -> {d.FullName}"))
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, "Platform depends on a module:\n" + string.Join("\n", violations.Take(50)));
    }

    [Fact]
    public void Only_contracts_are_public()
    {
        var exposed = Product.GetTypes()
            .Where(t => t.IsPublic && !IsGenerated(t) && t != typeof(Program) && !IsContracts(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(exposed.Count == 0, "Public outside Contracts:\n" + string.Join("\n", exposed));
    }

    [Fact]
    public void Every_module_folder_is_known_to_the_boundary_rules()
    {
        // Guards the regex above: if namespaces stop matching, the other tests would pass vacuously.
        var modules = Product.GetTypes().Select(ModuleOf).OfType<string>().Distinct().ToList();
        Assert.Contains("Regions", modules);
        Assert.Contains("Accounts", modules);
    }
}
