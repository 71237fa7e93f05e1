using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Linli.Tests.Infrastructure.LongestFirstCollections", "Linli.Tests")]

namespace Linli.Tests.Infrastructure;

/// <summary>
/// Starts the longest chains of serial tests first: xUnit runs the tests of one collection one after another, and the
/// "city" collection alone (hundreds of tests on one seeded host) is about half of a run's sum. Started after the many
/// small collections, as it happened to be, it ran on alone for minutes at the end of each run while the other core
/// idled.
/// </summary>
public sealed class LongestFirstCollections : ITestCollectionOrderer
{
    /// <summary>Named collections and single classes known to run longest, longest first.</summary>
    private static readonly string[] First = ["city", "city2", "InputFuzzTests", "appointments", "SessionRevocationTests", "KeyRotationTests", "published"];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(RankOf).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int RankOf(ITestCollection collection)
    {
        // A class's own collection is named "Test collection for <full class name>", perhaps followed by " (id: …)".
        var name = collection.DisplayName.Split(" (", 2)[0];
        for (var i = 0; i < First.Length; i++)
            if (name == First[i] || name.EndsWith("." + First[i], StringComparison.Ordinal)) return i;
        return First.Length;
    }
}
