namespace Linli.Platform.Seeding;

/// <summary>What the synthetic city is asked for: its size (1 = all of the city) and the random seed that makes it repeatable.</summary>
internal sealed record CitySeedOptions(double Scale, int Seed);

/// <summary>
/// A module's part of the synthetic city. Each module writes only its own tables; seeders run in <see cref="Order"/>,
/// so a later one can read what an earlier one published through its module's contracts.
/// </summary>
internal interface ICitySeeder
{
    int Order { get; }
    string Name { get; }

    /// <summary>True when this module already holds synthetic data (the seed is then skipped as a whole).</summary>
    Task<bool> HasDataAsync(CancellationToken cancellationToken);

    Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken);
}

/// <summary>Deterministic randomness: the same seed, module and unit always give the same stream.</summary>
internal static class SeedRandom
{
    public static Random For(int seed, string salt, string key)
    {
        // FNV-1a: string.GetHashCode is randomised per process and would break repeatability.
        var hash = 2166136261u;
        foreach (var ch in $"{seed}|{salt}|{key}")
        {
            hash ^= ch;
            hash *= 16777619u;
        }
        return new Random((int)hash);
    }

    /// <summary>Standard normal draw (Box–Muller).</summary>
    public static double NextGaussian(this Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Rounds a fractional expected count up or down at random, so totals stay right in expectation.</summary>
    public static int RoundStochastic(this Random random, double expected)
    {
        var floor = Math.Floor(expected);
        return (int)floor + (random.NextDouble() < expected - floor ? 1 : 0);
    }

    /// <summary>
    /// Nudges independently drawn counts until they add up to <paramref name="target"/> exactly: by one each, at units picked
    /// at random among those that stay within [<paramref name="min"/>, <paramref name="max"/>]. Used where the plan gives a
    /// city total that independent draws would only meet on average (0/1 flags are counts with max 1).
    /// </summary>
    public static void CorrectTotal(this Random random, int[] counts, long target, int min = 0, int max = int.MaxValue)
    {
        if (target < (long)min * counts.Length || target > (long)max * counts.Length)
            throw new ArgumentOutOfRangeException(nameof(target), $"{target} cannot be split over {counts.Length} units within [{min}, {max}].");
        var sum = counts.Sum(c => (long)c);
        while (sum != target)
        {
            var step = sum < target ? 1 : -1;
            var eligible = Enumerable.Range(0, counts.Length).Where(i => step > 0 ? counts[i] < max : counts[i] > min).ToArray();
            // Each pass moves up to |gap| distinct units by one, so the loop ends after a few passes.
            var moves = (int)Math.Min(Math.Abs(target - sum), eligible.Length);
            random.Shuffle(eligible);
            foreach (var i in eligible.AsSpan(0, moves)) counts[i] += step;
            sum += step * moves;
        }
    }
}

/// <summary>Runs every module's seeder in order and reports progress.</summary>
internal sealed class CitySeedRunner(IEnumerable<ICitySeeder> seeders, ILogger<CitySeedRunner> logger)
{
    public async Task<bool> RunAsync(CitySeedOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        progress ??= new Progress<string>(m => logger.LogInformation("{Message}", m));
        var ordered = seeders.OrderBy(s => s.Order).ToList();
        foreach (var seeder in ordered)
        {
            if (await seeder.HasDataAsync(cancellationToken))
            {
                progress.Report($"{seeder.Name}: already seeded, the synthetic city is left as it is.");
                return false;
            }
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var seeder in ordered)
        {
            var step = System.Diagnostics.Stopwatch.StartNew();
            progress.Report($"{seeder.Name}: seeding…");
            await seeder.SeedAsync(options, progress, cancellationToken);
            progress.Report($"{seeder.Name}: done in {step.Elapsed.TotalSeconds:F1} s");
        }
        progress.Report($"Synthetic city (scale {options.Scale}, seed {options.Seed}) done in {started.Elapsed.TotalSeconds:F1} s");
        return true;
    }
}
