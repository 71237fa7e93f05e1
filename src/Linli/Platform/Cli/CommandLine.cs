using System.Globalization;
using Linli.Platform.Seeding;

namespace Linli.Platform.Cli;

/// <summary>
/// Command-line verbs of the one executable. Without a verb the web host runs. Each verb uses the same modules and
/// configuration as the web host, so it behaves exactly as the running platform would.
/// </summary>
internal sealed record Verb(string Name, IReadOnlyDictionary<string, string> Options)
{
    public static readonly IReadOnlyDictionary<string, string> Help = new Dictionary<string, string>
    {
        ["migrate"] = "create or upgrade the database of every module, import reference data, then exit",
        ["seed"] = "build the synthetic city: seed [--scale 1] [--seed 42] [--db sqlite|postgres] [--connection \"...\"]",
        ["import-regions"] = "import division codes and boundaries: import-regions [--regions file.csv] [--boundaries file.geojson]",
        ["help"] = "list the verbs",
    };

    /// <summary>Splits the verb (first argument, if known) from the host's own arguments; --db and --connection map to Database:*.</summary>
    public static (Verb? Verb, string[] HostArgs, Dictionary<string, string?> Configuration) Parse(string[] args)
    {
        var configuration = new Dictionary<string, string?>();
        if (args.Length == 0 || !Help.ContainsKey(args[0])) return (null, args, configuration);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            var key = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            options[key] = value;
        }
        if (options.TryGetValue("db", out var db)) configuration["Database:Provider"] = db.Equals("postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite";
        if (options.TryGetValue("connection", out var connection)) configuration["Database:ConnectionString"] = connection;
        // A verb does its own seeding; the demo start-up must not race it.
        configuration["Demo:Enabled"] = "false";
        return (new Verb(args[0], options), [], configuration);
    }

    public double Number(string key, double fallback) =>
        Options.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string key) => Options.TryGetValue(key, out var v) ? v : null;
}

internal static class CommandLine
{
    public static async Task<int> RunAsync(Verb verb, IServiceProvider services)
    {
        switch (verb.Name)
        {
            case "help":
                foreach (var (name, text) in Verb.Help) Console.WriteLine($"  {name,-16} {text}");
                return 0;
            case "migrate":
                await services.PrepareAsync();
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed":
            {
                await services.PrepareAsync();
                using var scope = services.CreateScope();
                var runner = scope.ServiceProvider.GetRequiredService<CitySeedRunner>();
                var options = new CitySeedOptions(verb.Number("scale", 1), (int)verb.Number("seed", 42));
                var done = await runner.RunAsync(options, new ConsoleProgress());
                return done ? 0 : 3;
            }
            case "import-regions":
            {
                await services.PrepareAsync();
                using var scope = services.CreateScope();
                var importer = scope.ServiceProvider.GetRequiredService<Modules.Regions.Features.Import.RegionFileImporter>();
                var folder = Startup.ReferenceData.Folder(services.GetRequiredService<IConfiguration>());
                await using var regions = File.OpenRead(verb.Text("regions") ?? Path.Combine(folder, "shenyang-regions-2023.csv"));
                await using var boundaries = File.OpenRead(verb.Text("boundaries") ?? Path.Combine(folder, "shenyang-districts.geojson"));
                try
                {
                    var result = await importer.ImportAsync(regions, boundaries);
                    Console.WriteLine($"Imported: {result.Inserted} new, {result.Updated} changed, {result.Unchanged} unchanged, {result.Boundaries} boundaries.");
                    return 0;
                }
                catch (Errors.ValidationFailedException e)
                {
                    Console.Error.WriteLine(e.Message);
                    return 2;
                }
            }
            default:
                return 1;
        }
    }

    // Synchronous, so lines appear in order as the work goes.
    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {value}");
    }
}
