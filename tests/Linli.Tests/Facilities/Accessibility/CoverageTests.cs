using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Network;

namespace Linli.Tests.Facilities.Accessibility;

public sealed class CoverageTests
{
    // A street of 6 nodes 150 m apart: 0 —150— 1 —150— 2 … 5; at 4.5 km/h (75 m/min) one edge is 2 minutes.
    private static WalkGraph Street() => WalkGraph.Build(new float[6], new float[6], [0, 1, 2, 3, 4], [1, 2, 3, 4, 5], [150f, 150f, 150f, 150f, 150f]);

    private static readonly Origin[] Origins =
    [
        new(1, "210102001001", 0, 0, 1, 0, Residents: 100, Elderly: 30, Children: 10),
        new(2, "210102001001", 0, 0, 3, 75, Residents: 200, Elderly: 20, Children: 40),
        new(3, "210102001002", 0, 0, 5, 0, Residents: 50, Elderly: 50, Children: 0),
    ];

    [Fact]
    public void Minutes_count_the_walk_on_the_network_and_the_walk_to_it()
    {
        var walking = new WalkingOptions { CircleMinutes = 7 };
        var minutes = AccessCalculator.Minutes(Street(), walking, Origins, [new Source(0, 0)]);
        // Compound 1: 150 m = 2 min; compound 2: 450 m + 75 m = 7 min; compound 3: 750 m = 10 min, beyond a 7-minute circle.
        Assert.Equal(2f, minutes[0], 3f);
        Assert.Equal(7f, minutes[1], 3f);
        Assert.True(float.IsNaN(minutes[2]));
    }

    [Fact]
    public void Shares_within_5_10_and_15_minutes_match_a_hand_count()
    {
        float[] minutes = [2f, 7f, float.NaN];
        var communities = Coverage.Of(Origins, minutes, "210102001", 12);
        var first = communities.Single(c => c.Region == "210102001001");
        // 300 residents: 100 within 5 min, all 300 within 10 and 15; elderly 30 of 50 within 5; children 10 of 50.
        Assert.Equal([100.0 / 300, 1, 1], first.ResidentShares.Select(s => Math.Round(s, 4)).ToArray(), new ToleranceComparer(1e-4));
        Assert.Equal([0.6, 1, 1], first.ElderlyShares);
        Assert.Equal([0.2, 1, 1], first.ChildShares);
        var second = communities.Single(c => c.Region == "210102001002");
        Assert.Equal([0.0, 0, 0], second.ResidentShares);
        var street = Coverage.Of(Origins, minutes, "210102", 9).Single();
        Assert.Equal(350, street.Residents);
        Assert.Equal(Math.Round(300.0 / 350, 4), street.ResidentShares[2]);
        Assert.Equal(Math.Round(50.0 / 100, 4), street.ElderlyShares[2]);
    }

    [Fact]
    public void All_of_the_circle_is_the_walk_to_the_farthest_type_and_missing_if_any_is_missing()
    {
        var all = Coverage.AllOf([[2f, 7f, 3f], [4f, float.NaN, 1f]], 3);
        Assert.Equal(4f, all[0]);
        Assert.True(float.IsNaN(all[1]));
        Assert.Equal(3f, all[2]);
    }

    [Fact]
    public void Adding_a_site_incrementally_equals_recomputing_the_type_in_full()
    {
        var random = new Random(5);
        const int n = 400;
        var from = new List<int>();
        var to = new List<int>();
        var lengths = new List<float>();
        for (var i = 0; i < n; i++)
        for (var k = 0; k < 2; k++)
        {
            from.Add(i);
            to.Add(random.Next(n));
            lengths.Add(50 + random.Next(300));
        }
        var graph = WalkGraph.Build(new float[n], new float[n], from.ToArray(), to.ToArray(), lengths.ToArray());
        var origins = Enumerable.Range(0, 120).Select(i => new Origin(i + 1, "210102001001", 0, 0, random.Next(n), random.Next(100), 10, 2, 1)).ToList();
        var walking = new WalkingOptions();
        List<Source> sources = [new(3, 0), new(77, 20), new(250, 0)];
        var before = AccessCalculator.Minutes(graph, walking, origins, sources);
        var added = new Source(123, 40);
        var alone = AccessCalculator.Minutes(graph, walking, origins, [added]);
        var incremental = before.Zip(alone, (a, b) => float.IsNaN(a) ? b : float.IsNaN(b) ? a : Math.Min(a, b)).ToArray();
        var full = AccessCalculator.Minutes(graph, walking, origins, [.. sources, added]);
        Assert.Equal(full.Length, incremental.Length);
        for (var i = 0; i < full.Length; i++)
        {
            if (float.IsNaN(full[i])) Assert.True(float.IsNaN(incremental[i]));
            else Assert.Equal(full[i], incremental[i], 3f);
        }
        Assert.Contains(incremental.Zip(before), p => !p.First.Equals(p.Second));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
