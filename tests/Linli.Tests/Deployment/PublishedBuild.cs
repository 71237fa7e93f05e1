using System.Net;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Deployment;

/// <summary>
/// `dotnet publish` of the app, once per test run, from a copy of the sources as a fresh checkout has them: no bin/,
/// obj/ or generated wwwroot/lib (node_modules is linked, so npm is not asked again). What a deployment gets is
/// exactly this folder.
/// </summary>
internal static class PublishedBuild
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);
    private static string? _work;

    public static Task<string> FolderAsync() => Folder.Value;

    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Linli.slnx"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (Linli.slnx) is not above the test binaries.");
    }

    /// <summary>
    /// A folder the publish output may be kept in for the next run of the suite in the same `test.sh` (the SQLite run
    /// publishes, the PostgreSQL run reuses it: the sources cannot change between them, and a Release publish from
    /// scratch is one of the costliest steps of a run). test.sh deletes it at the end.
    /// </summary>
    private static readonly string? SharedWork = Environment.GetEnvironmentVariable("LINLI_TEST_PUBLISH_FOLDER") is { Length: > 0 } folder ? folder : null;

    private static async Task<string> PublishAsync()
    {
        if (SharedWork is not null && File.Exists(Path.Combine(SharedWork, "published.ok"))) return Path.Combine(SharedWork, "publish");
        var work = SharedWork ?? Path.Combine(Path.GetTempPath(), "linli_publish_" + Guid.NewGuid().ToString("N")[..12]);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true); // a publish that did not finish
        _work = SharedWork is null ? work : null;
        var sources = Path.Combine(work, "src");
        foreach (var file in new[] { ".editorconfig", "global.json", "Directory.Build.props", "Directory.Packages.props" })
            File.Copy(Path.Combine(RepositoryRoot, file), Path.Combine(sources, file).EnsureParent());
        CopyTree(Path.Combine(RepositoryRoot, "data"), Path.Combine(sources, "data"));
        var project = Path.Combine(RepositoryRoot, "src", "Linli");
        var copy = Path.Combine(sources, "src", "Linli");
        CopyTree(project, copy, skip: ["bin", "obj", "node_modules", "App_Data", Path.Combine("wwwroot", "lib")]);
        if (Directory.Exists(Path.Combine(project, "node_modules")))
            Directory.CreateSymbolicLink(Path.Combine(copy, "node_modules"), Path.Combine(project, "node_modules"));

        var output = Path.Combine(work, "publish");
        await using var publish = ChildProcess.Start("dotnet",
            ["publish", Path.Combine(copy, "Linli.csproj"), "-c", "Release", "-o", output, "-nologo", "-v", "q", "-clp:ErrorsOnly"], copy);
        var exit = await publish.WaitForExitAsync(TimeSpan.FromMinutes(15));
        Assert.True(exit == 0, $"dotnet publish failed ({exit}):\n{publish.Tail()}");
        if (SharedWork is not null)
        {
            // The copy of the sources goes now; the output stays for the next run.
            DeleteTree(work, sources);
            await File.WriteAllTextAsync(Path.Combine(work, "published.ok"), "");
        }
        return output;
    }

    /// <summary>Deletes the copy and the publish output (when the tests that use them are done).</summary>
    public static void Remove()
    {
        if (_work is not null) DeleteTree(_work, _work);
    }

    /// <summary>Deletes <paramref name="tree"/> of the publish folder <paramref name="work"/>, the copy's node_modules link first.</summary>
    private static void DeleteTree(string work, string tree)
    {
        // The link first, so that deleting the copy can never reach the repository's node_modules.
        var link = Path.Combine(work, "src", "src", "Linli", "node_modules");
        if (File.Exists(link) || Directory.Exists(link)) File.Delete(link);
        try { Directory.Delete(tree, recursive: true); } catch (IOException) { /* temp is cleaned later */ }
    }

    private static string EnsureParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    private static void CopyTree(string from, string to, string[]? skip = null)
    {
        Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos("*", SearchOption.TopDirectoryOnly))
        {
            var target = Path.Combine(to, entry.Name);
            if (entry is DirectoryInfo directory)
            {
                var inner = skip?.Where(s => s.StartsWith(entry.Name + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    .Select(s => s[(entry.Name.Length + 1)..]).ToArray();
                if (skip?.Contains(entry.Name) == true) continue;
                CopyTree(directory.FullName, target, inner);
            }
            else File.Copy(entry.FullName, target);
        }
    }
}

/// <summary>
/// The published build started as a deployment starts it: `dotnet Linli.dll` in its folder, Production, configured by
/// environment variables only, on a database of its own (SQLite in a temporary folder, or a fresh PostgreSQL database).
/// </summary>
internal sealed class PublishedServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _name;

    private PublishedServer(ChildProcess process, string name, Uri address)
    {
        _process = process;
        _name = name;
        Address = address;
    }

    public Uri Address { get; }

    public string Output => _process.Output;

    /// <summary>Environment a deployment would set: the database, the data folder, the key (and the port when the test does not set its own).</summary>
    public static Dictionary<string, string?> Environment(string dataFolder, string? connectionString) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = TestDatabase.Provider,
        ["Database__DataFolder"] = dataFolder,
        ["Database__ConnectionString"] = connectionString,
        ["PersonalData__Key"] = LinliFactory.TestKey,
    };

    /// <summary>
    /// Starts the published app with <paramref name="settings"/> on top of a fresh database, and waits until /health
    /// answers at <paramref name="address"/> (the address the settings should make it listen on).
    /// </summary>
    public static async Task<PublishedServer> StartAsync(Uri address, IReadOnlyDictionary<string, string?> settings, string? reuseDatabaseOf = null)
    {
        var folder = await PublishedBuild.FolderAsync();
        var name = reuseDatabaseOf ?? "linli_p_" + Guid.NewGuid().ToString("N")[..12];
        var dataFolder = Path.Combine(Path.GetTempPath(), name);
        Directory.CreateDirectory(dataFolder);
        var connectionString = reuseDatabaseOf is null ? TestDatabase.CreateDatabase(name) : ConnectionStringOf(name);
        var environment = Environment(dataFolder, connectionString);
        foreach (var (key, value) in settings) environment[key] = value;
        var process = ChildProcess.Start("dotnet", [Path.Combine(folder, "Linli.dll")], folder, environment);
        var server = new PublishedServer(process, name, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            Assert.False(process.HasExited, $"the published app exited ({(process.HasExited ? process.ExitCode : 0)}):\n{process.Tail()}");
            try
            {
                var health = await http.GetAsync("/health");
                if (health.StatusCode == HttpStatusCode.OK) return server;
            }
            catch (HttpRequestException)
            {
                // not listening yet (migrations and the demo city come first)
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            if (DateTime.UtcNow > until)
            {
                await server.DisposeAsync();
                Assert.Fail($"the published app did not answer /health at {address} within 5 minutes:\n{process.Tail()}");
            }
            await Task.Delay(500);
        }
    }

    private static string? ConnectionStringOf(string name) =>
        TestDatabase.IsPostgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(System.Environment.GetEnvironmentVariable("LINLI_TEST_PG")) { Database = name }.ConnectionString
            : null;

    public string DatabaseName => _name;

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();

    /// <summary>Drops the database and the data folder (after every server on them has stopped).</summary>
    public static void Remove(string name)
    {
        TestDatabase.DropDatabase(name);
        try { Directory.Delete(Path.Combine(Path.GetTempPath(), name), recursive: true); } catch (IOException) { /* temp is cleaned later */ }
    }
}
