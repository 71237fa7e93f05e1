using System.Globalization;
using Linli.Platform.Seeding;

namespace Linli.Platform.Cli;

/// <summary>
/// Command-line verbs of the one executable. Without a verb the web host runs. Each verb uses the same modules and
/// configuration as the web host, so it behaves exactly as the running platform would.
/// </summary>
internal sealed record Verb(string Name, IReadOnlyDictionary<string, string> Options)
{

    /// <summary>Splits the verb (first argument, if known) from the host's own arguments; --db and --connection map to Database:*.</summary>
    public static (Verb? Verb, string[] HostArgs, Dictionary<string, string?> Configuration) Parse(string[] args)
    {
        var configuration = new Dictionary<string, string?>();
        // A first argument that is not an option is a verb; modules register the verbs they own (ICommandVerb).
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('=')) return (null, args, configuration);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Unexpected argument '{args[i]}'.");
            var key = args[i][2..];
            string value;
            if (key.IndexOf('=') is var eq and > 0) (key, value) = (key[..eq], key[(eq + 1)..]);
            else value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            // --Section:Key=value sets configuration, as it would for the web host.
            if (key.Contains(':')) configuration[key] = value;
            else options[key] = value;
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

/// <summary>A command-line verb owned by a module or the platform.</summary>
internal interface ICommandVerb
{
    string Name { get; }
    string Usage { get; }
    Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken);
}

internal static class CommandLine
{
    public static async Task<int> RunAsync(Verb verb, IServiceProvider services)
    {
        var verbs = services.GetServices<ICommandVerb>().ToDictionary(v => v.Name);
        if (verb.Name == "help" || !verbs.TryGetValue(verb.Name, out var handler))
        {
            if (verb.Name != "help") Console.Error.WriteLine($"Unknown verb '{verb.Name}'.");
            Console.WriteLine("Verbs (dotnet run --project src/Linli -- VERB [options]):");
            Console.WriteLine($"  {"help",-16} list the verbs");
            foreach (var v in verbs.Values.OrderBy(v => v.Name)) Console.WriteLine($"  {v.Name,-16} {v.Usage}");
            return verb.Name == "help" ? 0 : 1;
        }
        return await handler.RunAsync(verb, services, CancellationToken.None);
    }
}

internal sealed class MigrateVerb : ICommandVerb
{
    public string Name => "migrate";
    public string Usage => "create or upgrade every module's tables, import reference data, then exit [--db sqlite|postgres] [--connection \"...\"]";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.PrepareAsync(cancellationToken);
        Console.WriteLine("Database is up to date.");
        return 0;
    }
}

internal sealed class SeedVerb : ICommandVerb
{
    public string Name => "seed";
    public string Usage => "build the synthetic city: seed [--scale 1] [--seed 42] [--db sqlite|postgres] [--connection \"...\"]";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.PrepareAsync(cancellationToken);
        using var scope = services.CreateScope();
        // Seeding drops and rebuilds indexes of empty tables: the owner role's work when there are two roles.
        scope.ServiceProvider.GetRequiredService<Persistence.DatabaseSession>().AsOwner = true;
        var runner = scope.ServiceProvider.GetRequiredService<CitySeedRunner>();
        var options = new CitySeedOptions(verb.Number("scale", 1), (int)verb.Number("seed", 42));
        return await runner.RunAsync(options, new ConsoleProgress(), cancellationToken) ? 0 : 3;
    }

    // Synchronous, so lines appear in order as the work goes.
    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {value}");
    }
}
