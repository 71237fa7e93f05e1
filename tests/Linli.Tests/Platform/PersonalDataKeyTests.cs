using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Linli.Platform.Persistence;
using Linli.Platform.Protection;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Platform;

/// <summary>An application started with a personal-data key of the test's choosing ("" = none configured).</summary>
internal sealed class KeyedApp : LinliFactory
{
    private readonly string _key;
    private readonly string _environment;

    // A first start with this key: on an empty database, not on a copy of one that holds the test key's check.
    public KeyedApp(string key, string environment = "Testing") : base(emptyDatabase: true) => (_key, _environment) = (key, environment);

    public KeyedApp(LinliFactory previous, string key, string environment = "Testing") : base(previous) => (_key, _environment) = (key, environment);

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("PersonalData:Key", _key)];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(_environment);
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}

internal static class StartFailures
{
    /// <summary>What starting the application says when it refuses to start (it must refuse).</summary>
    public static string StartFailure(this LinliFactory app)
    {
        var e = Assert.ThrowsAny<Exception>(() => app.Server);
        var messages = new List<string>();
        for (var x = e; x is not null; x = x.InnerException) messages.Add(x.Message);
        if (e is AggregateException a) messages.AddRange(a.InnerExceptions.Select(i => i.Message));
        return string.Join(" | ", messages);
    }
}

public sealed class PersonalDataKeyTests
{
    [Fact]
    public async Task Outside_development_the_platform_does_not_start_without_a_configured_key()
    {
        await using var app = new KeyedApp("");
        var failure = app.StartFailure();
        Assert.Contains("PersonalData:Key is not configured", failure);
        Assert.False(File.Exists(Path.Combine(app.DataFolder, PersonalDataKeySource.FileName)), "no key may be made up outside Development");
    }

    [Fact]
    public async Task A_key_that_is_not_the_databases_own_is_a_clear_start_up_error_not_500s_later()
    {
        var first = new LinliFactory();
        _ = first.Server;
        // The next instance takes the database over before the first one goes (it would drop it otherwise).
        var second = new KeyedApp(first, KeyedApp.NewKey());
        await first.DisposeAsync();
        var failure = second.StartFailure();
        Assert.Contains("is not the key this database's ID and phone numbers are encrypted with", failure);
        // With the database's own key it starts again.
        var third = new LinliFactory(second);
        await second.DisposeAsync();
        await using (third)
            Assert.Equal(HttpStatusCode.OK, (await third.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task In_development_the_key_file_is_made_once_private_and_never_silently_replaced()
    {
        var first = new KeyedApp("", "Development");
        _ = first.Server;
        var file = Path.Combine(first.DataFolder, PersonalDataKeySource.FileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows()) Assert.Equal(PrivateFiles.OwnerOnlyFile, File.GetUnixFileMode(file));
        var key = await File.ReadAllTextAsync(file);
        var second = new KeyedApp(first, "", "Development");
        await first.DisposeAsync();

        File.Delete(file);
        Assert.Contains("is missing", second.StartFailure());
        Assert.False(File.Exists(file), "a lost key file must not be replaced by a new key");
        var third = new KeyedApp(second, "", "Development");
        await second.DisposeAsync();

        await File.WriteAllTextAsync(file, key);
        await using (third)
            Assert.Equal(HttpStatusCode.OK, (await third.CreateClient().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public void The_sqlite_folder_and_file_are_created_for_the_owner_only_and_an_open_file_is_tightened()
    {
        if (OperatingSystem.IsWindows()) return; // no Unix modes; the folder's ACL decides
        var root = Path.Combine(Path.GetTempPath(), "linli_files_" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var folder = Path.Combine(root, "data", "deeper");
            new DatabaseOptions { DataFolder = folder }.ResolveConnectionString(root);
            Assert.Equal(PrivateFiles.OwnerOnlyFolder, File.GetUnixFileMode(folder));
            Assert.Equal(PrivateFiles.OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(folder, "linli.db")));

            // A database file left world-readable by an older version is tightened at the next start.
            var old = Path.Combine(root, "old");
            Directory.CreateDirectory(old);
            File.WriteAllText(Path.Combine(old, "linli.db"), "");
            File.WriteAllText(Path.Combine(old, "linli.db-wal"), "");
            File.SetUnixFileMode(Path.Combine(old, "linli.db"), (UnixFileMode)0b110_100_100);
            File.SetUnixFileMode(Path.Combine(old, "linli.db-wal"), (UnixFileMode)0b110_100_100);
            new DatabaseOptions { DataFolder = old }.ResolveConnectionString(root);
            Assert.Equal(PrivateFiles.OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(old, "linli.db")));
            Assert.Equal(PrivateFiles.OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(old, "linli.db-wal")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task The_running_database_and_its_journal_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows() || TestDatabase.IsPostgres) return; // no SQLite file on PostgreSQL
        await using var app = new LinliFactory();
        // A write, so that the journal exists: a host started on a copied, already migrated file may not have written yet.
        await app.CreateUserAsync("journal_writer", Linli.Platform.Auth.Roles.Administrator, "2101");
        var files = Directory.GetFiles(app.DataFolder, "linli.db*");
        Assert.Contains(files, f => f.EndsWith("linli.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("-wal", StringComparison.Ordinal));
        foreach (var f in files) Assert.Equal(PrivateFiles.OwnerOnlyFile, File.GetUnixFileMode(f));
    }

    [Fact]
    public void A_development_key_is_created_only_for_a_database_without_one()
    {
        var folder = Path.Combine(Path.GetTempPath(), "linli_key_" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var environment = new HostingEnvironment { EnvironmentName = "Development", ContentRootPath = folder };
            var configuration = new ConfigurationBuilder().Build();
            var database = Options.Create(new DatabaseOptions { DataFolder = folder });
            Assert.Throws<PersonalDataKeyException>(() => new PersonalDataKeySource(configuration, environment, database).LoadAtStartup(mayCreate: false));
            var created = new PersonalDataKeySource(configuration, environment, database).LoadAtStartup(mayCreate: true);
            Assert.Equal(32, created.Length);
            Assert.Equal(created, new PersonalDataKeySource(configuration, environment, database).Key);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(PrivateFiles.OwnerOnlyFolder, File.GetUnixFileMode(folder));
                Assert.Equal(PrivateFiles.OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(folder, PersonalDataKeySource.FileName)));
            }
            // A configured key that is not a key is refused with the reason.
            var bad = new ConfigurationBuilder().AddInMemoryCollection([new("PersonalData:Key", "c2hvcnQ=")]).Build();
            Assert.Contains("at least 32", Assert.Throws<PersonalDataKeyException>(() => new PersonalDataKeySource(bad, environment, database).Key).Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_data_protection_key_ring_is_kept_in_the_database_sealed_with_the_key_and_shared_by_the_next_instance()
    {
        var first = new LinliFactory();
        _ = first.Server;
        await first.CreateUserAsync("sup.ring", Linli.Platform.Auth.Roles.Supervisor, "2101");
        var signedIn = await first.ClientForAsync("sup.ring");
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter!;
        var ring = await first.WithScopeAsync(sp => sp.GetRequiredService<ProtectionDbContext>().DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains(nameof(KeyRingXmlDecryptor), xml);
            Assert.Contains(KeyRingSeal.ElementName, xml);
            Assert.DoesNotContain("<masterKey", xml); // the secret in clear, as the file system store kept it
        });
        Assert.False(Directory.Exists(Path.Combine(first.DataFolder, "keys")), "no key ring on the file system");

        // Another instance on the same database accepts the first one's sign-in.
        await using var second = new LinliFactory(first);
        await first.DisposeAsync();
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit")).StatusCode);
    }
}

