using System.Net.Http.Headers;
using System.Net.Http.Json;
using Linli.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Infrastructure;

/// <summary>
/// The real application over real HTTP on a real database of its own (a temporary SQLite file or a fresh PostgreSQL
/// database), migrated and loaded with the official region tree as at a first start. The fresh database is a copy of
/// one the first host of the run migrated and loaded (PostgreSQL: CREATE DATABASE … TEMPLATE; SQLite: a copy of the
/// file), which takes a fraction of a second, where migrating every module and importing the region tree takes
/// seconds, for each of the suite's hosts; the application's start-up still runs on the copy and finds nothing to do. A host that must see a first start on an
/// empty database (another personal-data key, other roles) asks for one.
/// </summary>
public class LinliFactory : WebApplicationFactory<Program>
{
    private static readonly Lazy<string?> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public const string TestKey = "dGVzdC1rZXktZm9yLWxpbmxpLXRlc3RzLW9ubHktMzJieXRlcyE=";
    public const string Password = "Test#Pass2026";

    private readonly string _name = "linli_t_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder;
    private readonly string? _connectionString;
    private bool _ownsDatabase = true;

    public LinliFactory() : this(emptyDatabase: false)
    {
    }

    /// <param name="emptyDatabase">true: a database nothing ran on yet, for a host whose first start is what it tests.</param>
    protected LinliFactory(bool emptyDatabase)
    {
        _folder = Path.Combine(Path.GetTempPath(), _name);
        Directory.CreateDirectory(_folder);
        if (emptyDatabase) _connectionString = TestDatabase.CreateDatabase(_name);
        else if (TestDatabase.IsPostgres) _connectionString = TestDatabase.CreateDatabase(_name, Template.Value);
        else CopySqliteDatabase(Template.Value!, _folder);
    }

    private const string SqliteFile = "linli.db";

    /// <summary>
    /// A data folder for a product process started outside this one (`dotnet run`), holding a copy of the migrated SQLite
    /// template, so that the process starts on a database that is already there instead of migrating a new one.
    /// </summary>
    public static void CopyTemplateDatabaseTo(string folder) => CopySqliteDatabase(Template.Value!, folder);

    /// <summary>The template's database file into a new data folder, private as the application makes it (0600).</summary>
    private static void CopySqliteDatabase(string fromFolder, string toFolder)
    {
        var target = Path.Combine(toFolder, SqliteFile);
        File.Copy(Path.Combine(fromFolder, SqliteFile), target);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>The template's own host: an empty database, kept when the host stops.</summary>
    private LinliFactory(string templateName)
    {
        _name = templateName;
        _folder = Path.Combine(Path.GetTempPath(), _name);
        Directory.CreateDirectory(_folder);
        _connectionString = TestDatabase.CreateDatabase(_name);
        _ownsDatabase = false;
    }

    private static string BuildTemplate()
    {
        var template = new LinliFactory("linli_template_" + Guid.NewGuid().ToString("N")[..12]);
        _ = template.Server;
        template.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (!TestDatabase.IsPostgres)
        {
            // One file to copy: the write-ahead log folded into it (the last connection closed may have left it).
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(template._folder, SqliteFile)};Pooling=False"))
            {
                connection.Open();
                using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                checkpoint.ExecuteNonQuery();
            }
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try { Directory.Delete(template._folder, recursive: true); } catch (IOException) { /* temp is cleaned later */ }
            };
            return template._folder;
        }
        try { Directory.Delete(template._folder, recursive: true); } catch (IOException) { /* temp is cleaned later */ }
        // A template may have no open connection while it is copied.
        Npgsql.NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { TestDatabase.DropDatabase(template._name); } catch (Npgsql.NpgsqlException) { /* the throwaway server may be gone already */ }
        };
        return template._name;
    }

    /// <summary>
    /// The same application started again on <paramref name="previous"/>'s database and data folder, as after a restart.
    /// Dispose <paramref name="previous"/> first; the database now belongs to this one and goes when it is disposed.
    /// </summary>
    public LinliFactory(LinliFactory previous)
    {
        _name = previous._name;
        _folder = previous._folder;
        _connectionString = previous._connectionString;
        previous._ownsDatabase = false;
    }

    /// <summary>
    /// A second instance of the application running beside <paramref name="first"/> on its database and data folder, as
    /// two instances behind a load balancer. <paramref name="first"/> keeps the database; dispose this one first.
    /// </summary>
    public static LinliFactory Beside(LinliFactory first, Action<IServiceCollection>? testServices = null) =>
        new(first, owns: false) { TestServices = testServices };

    private LinliFactory(LinliFactory first, bool owns)
    {
        _name = first._name;
        _folder = first._folder;
        _connectionString = first._connectionString;
        _ownsDatabase = owns;
    }

    /// <summary>Service replacements for this host (e.g. a fake TimeProvider), applied after the application's own.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Extra configuration a test class needs (e.g. demo data on).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings() => [];

    /// <summary>false: the product's own password hashing, for the test that holds its strength.</summary>
    protected virtual bool CheapPasswordHashing => true;

    public string DataFolder => _folder;

    /// <summary>The database's name and, on PostgreSQL, its connection string as the server's owner (null on SQLite).</summary>
    public string DatabaseName => _name;
    public string? ConnectionString => _connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("Database:DataFolder", _folder);
        if (_connectionString is not null) builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("PersonalData:Key", TestKey);
        builder.UseSetting("Demo:Enabled", "false");
        // Rate limits far above what any test sends (the tests sign in many times from one client); the rate-limit tests set their own.
        foreach (var rule in Linli.Platform.RateLimiting.RateLimitOptions.RuleNames)
        {
            builder.UseSetting($"RateLimiting:{rule}:PerClient", "1000000");
            builder.UseSetting($"RateLimiting:{rule}:PerAccount", "1000000");
        }
        // The suite searches by number far more often than a person would; the hourly limits have tests of their own.
        builder.UseSetting("PersonalData:NumberSearchesPerHour", "100000");
        builder.UseSetting("PersonalData:CallerLookupsPerHour", "100000");
        foreach (var (key, value) in Settings()) builder.UseSetting(key, value);
        // Identity's default of 100,000 PBKDF2 rounds costs tens of milliseconds of CPU a sign-in; the suite signs in and
        // creates accounts thousands of times, and that alone was a large share of a run. The stored hash names its own
        // round count, so a host with the default still verifies these; sign-in behaviour is the same, only cheaper.
        if (CheapPasswordHashing)
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1000));
        if (TestServices is { } configure) builder.ConfigureTestServices(configure);
    }

    /// <summary>Creates an account with one role and scope, as an administrator would.</summary>
    public async Task CreateUserAsync(string userName, string role, string? regionCode = null, string? departmentCode = null)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LinliUser>>();
        var user = new LinliUser { UserName = userName, DisplayName = userName, ScopeRegionCode = regionCode, ScopeDepartmentCode = departmentCode };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>An HTTP client signed in with a bearer token from POST /api/auth/token.</summary>
    public async Task<HttpClient> ClientForAsync(string userName, string password = Password)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenBody>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);

    public T Service<T>(Func<IServiceProvider, T> use)
    {
        using var scope = Services.CreateScope();
        return use(scope.ServiceProvider);
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var scope = Services.CreateScope();
        return await use(scope.ServiceProvider);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!_ownsDatabase) return; // restarted: the next factory keeps the database
        TestDatabase.DropDatabase(_name);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a file still open on shutdown; temp is cleaned later */ }
    }
}
